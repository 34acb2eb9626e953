import { SessionNotFoundError } from "@shopify/shopify-app-remix/server";
import { DEMO_SHOP, getDemoConfig } from "../demo/demo-mode.server";
import { parseScopes } from "../domain/backfill";
import { getOfflineSessionScope } from "../models/granted-scopes.server";
import { adminApiFromEndpoint, adminApiFromGraphql, type AdminApi, type AdminApiRetryOptions } from "../shopify/admin-api.server";
import { unauthenticated } from "../shopify.server";

// Jobs (backfill, reconciliation) run with no request and no staff: they talk to Shopify with the shop's stored
// offline session, through the same retrying AdminApi as the pages. In the demo, the demo shop's Admin API is the
// local stand-in, exactly as requireAdminContext picks it.

/** The shop has no offline session: it uninstalled the app (or never finished installing). Retrying won't help. */
export class NoOfflineSessionError extends Error {
  constructor(readonly shop: string) {
    super(`No offline session for ${shop}: the app is not installed there`);
    this.name = "NoOfflineSessionError";
  }
}

export interface OfflineAdmin {
  api: AdminApi;
  /** The access scopes the merchant granted (decide e.g. how far back the order backfill can read). */
  scopes: string[];
}

// The demo shop is imagined with read_orders, the scope shopify.app.toml asks for: 60 days of history.
const DEMO_SCOPES = ["read_discounts", "write_discounts", "read_orders", "read_products"];

/** An AdminApi for a shop from its offline session (the stand-in for the demo shop), with the granted scopes. */
export async function offlineAdminApi(shop: string, options: AdminApiRetryOptions = {}): Promise<OfflineAdmin> {
  const demo = getDemoConfig();
  if (demo && shop === DEMO_SHOP) {
    return {
      api: adminApiFromEndpoint({ shopDomain: DEMO_SHOP, accessToken: demo.accessToken, endpoint: demo.adminEndpoint, ...options }),
      scopes: DEMO_SCOPES,
    };
  }
  try {
    const { admin, session } = await unauthenticated.admin(shop);
    return { api: adminApiFromGraphql(admin.graphql, options), scopes: parseScopes(session.scope) };
  } catch (error) {
    if (error instanceof SessionNotFoundError) throw new NoOfflineSessionError(shop);
    throw error;
  }
}

/** The access scopes the merchant granted to the app on this shop (the demo shop's imagined ones in the demo). */
export async function grantedScopes(shop: string): Promise<string[]> {
  if (getDemoConfig() && shop === DEMO_SHOP) return DEMO_SCOPES;
  return parseScopes(await getOfflineSessionScope(shop));
}
