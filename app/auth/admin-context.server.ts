import { adminApiFromEndpoint, adminApiFromGraphql, type AdminApi } from "../shopify/admin-api.server";
import { DEMO_SHOP, getDemoConfig } from "../demo/demo-mode.server";
import { parseAcceptLanguage, resolveLocale } from "../i18n/translate";
import type { Locale } from "../i18n/locales";
import { upsertShop } from "../models/shop.server";
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

async function ensureShop(shop: string) {
  if (knownShops.has(shop)) return;
  await upsertShop(shop);
  knownShops.add(shop);
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
    await ensureShop(DEMO_SHOP);
    return {
      shop: DEMO_SHOP,
      admin: adminApiFromEndpoint({ shopDomain: DEMO_SHOP, accessToken: demo.accessToken, endpoint: demo.adminEndpoint }),
      locale: localeOf(request),
      staff: "demo",
      demo: true,
    };
  }
  const { session, admin, sessionToken } = await authenticate.admin(request);
  await ensureShop(session.shop);
  return {
    shop: session.shop,
    admin: adminApiFromGraphql(admin.graphql),
    locale: localeOf(request),
    staff: sessionToken?.sub ? `user:${sessionToken.sub}` : null,
    demo: false,
  };
}
