// Demo unit costs: the generator's catalog is put in the Shopify stand-in with the costs a merchant would have
// entered, and the app reads them with its own variant cost sync over the Admin API, as it would from a real shop.
// Orders that arrive afterwards are priced with them (gross profit from real costs; the gift box has none).
import { catalogVariants } from "./generate-orders.ts";
import type { SeedContext } from "./seed-demo.ts";

export async function seedVariantCosts(ctx: SeedContext): Promise<void> {
  const { minorToDecimal } = await import("../../app/domain/money/index.ts");
  const { adminApiFromEndpoint } = await import("../../app/shopify/admin-api.server.ts");
  const { syncVariantCosts } = await import("../../app/jobs/sync-variant-costs.server.ts");
  const currency = ctx.standIn.state.shop(ctx.shop).info.currencyCode;
  ctx.standIn.state.seedVariants(
    ctx.shop,
    catalogVariants(currency).map((variant) => ({
      id: `gid://shopify/ProductVariant/${variant.variantId}`,
      inventoryItemId: `gid://shopify/InventoryItem/${variant.inventoryItemId}`,
      unitCost: variant.unitCostMinor === null ? null : { amount: minorToDecimal(variant.unitCostMinor, currency), currencyCode: currency },
      updatedAt: "2026-01-01T00:00:00Z",
    })),
  );
  const api = adminApiFromEndpoint({ shopDomain: ctx.shop, accessToken: ctx.standIn.accessTokenFor(ctx.shop), endpoint: ctx.standIn.endpointFor(ctx.shop) });
  const result = await syncVariantCosts(ctx.shop, api);
  ctx.log(`Demo unit costs read from the stand-in: ${result.withCost} of ${result.variants} variants have a cost.`);
}
