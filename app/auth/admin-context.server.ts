import { adminApiFromEndpoint, adminApiFromGraphql, type AdminApi } from "../shopify/admin-api.server";
import { DEMO_SHOP, getDemoConfig } from "../demo/demo-mode.server";
import { parseAcceptLanguage, resolveLocale } from "../i18n/translate";
import type { Locale } from "../i18n/locales";
import { getShop, upsertShop } from "../models/shop.server";
import { getShopInfo } from "../shopify/get-shop-info.server";
import { authenticate } from "../shopify.server";

export type AdminContext = {
  shop: string;
  admin: AdminApi;
  locale: Locale;
  /** Who acts, for audit trails ("user:<id>" from the session token); null when unknown. */
  staff: string | null;
  demo: boolean;
};

const knownShops = new Set<string>();

/**
 * The shop row, with the currency, time zone and storefront domain Shopify reports, exists before a
 * page needs it. Fetched once per shop; a failure leaves the row to be completed on a later request.
 */
async function ensureShop(shop: string, admin: AdminApi) {
  if (knownShops.has(shop)) return;
  const existing = await getShop(shop);
  if (existing?.primaryDomain && !existing.uninstalledAt) {
    knownShops.add(shop);
    return;
  }
  try {
    const info = await getShopInfo(admin);
    await upsertShop(shop, { currencyCode: info.currencyCode, ianaTimezone: info.ianaTimezone, primaryDomain: info.primaryDomainHost });
    knownShops.add(shop);
  } catch (error) {
    console.warn(`Shop info for ${shop} not fetched yet: ${error instanceof Error ? error.message : error}`);
    if (!existing) await upsertShop(shop);
  }
}

function localeOf(request: Request): Locale {
  const url = new URL(request.url);
  // Shopify opens the app with ?locale= of the admin user; later navigations carry it along.
  return resolveLocale([url.searchParams.get("locale"), ...parseAcceptLanguage(request.headers.get("Accept-Language"))]);
}

/** Authenticates an admin page or action: the embedded session in production, the demo shop in the demo. */
export async function requireAdminContext(request: Request): Promise<AdminContext> {
  const demo = getDemoConfig();
  if (demo) {
    const admin = adminApiFromEndpoint({ shopDomain: DEMO_SHOP, accessToken: demo.accessToken, endpoint: demo.adminEndpoint });
    await ensureShop(DEMO_SHOP, admin);
    return {
      shop: DEMO_SHOP,
      admin,
      locale: localeOf(request),
      staff: "demo",
      demo: true,
    };
  }
  const { session, admin, sessionToken } = await authenticate.admin(request);
  const adminApi = adminApiFromGraphql(admin.graphql);
  await ensureShop(session.shop, adminApi);
  return {
    shop: session.shop,
    admin: adminApi,
    locale: localeOf(request),
    staff: sessionToken?.sub ? `user:${sessionToken.sub}` : null,
    demo: false,
  };
}
