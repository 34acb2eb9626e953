// Demo data. Each capability adds its part here, so the demo always shows the whole product.
// Data that Shopify would send arrives through the app's real webhook routes, signed like Shopify.
import type { ShopifyStandIn } from "../../test/support/shopify-stand-in/index.ts";
import { seedCreators } from "./seed-creators.ts";
import { seedCodesAndLinks } from "./seed-codes-links.ts";
import { seedOrders } from "./seed-orders.ts";
import { seedAnalyticsCosts } from "./seed-analytics-costs.ts";
import { seedVariantCosts } from "./seed-variant-costs.ts";

export type SeedContext = {
  appUrl: string;
  apiSecret: string;
  shop: string;
  standIn: ShopifyStandIn;
  log: (line: string) => void;
};

export async function seedDemo(ctx: SeedContext): Promise<void> {
  ctx.standIn.state.seedShop(ctx.shop, {
    name: "Creator ROI Demo",
    currencyCode: "EUR",
    ianaTimezone: "Europe/Paris",
    primaryDomainHost: "demo.creator-roi.example",
  });
  ctx.log(`Demo shop ${ctx.shop} ready.`);
  await seedCreators(ctx);
  await seedCodesAndLinks(ctx);
  await seedVariantCosts(ctx);
  await seedOrders(ctx);
  await seedAnalyticsCosts(ctx);
}
