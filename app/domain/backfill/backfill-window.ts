// How far back the install-time backfill can read. Shopify gives an app the last 60 days of orders with
// read_orders (or write_orders); older orders need read_all_orders, which Shopify grants separately on request.
// The window is reported to staff, so that "new versus returning" is known to rest on 60 days only when it does.

/** The days of order history read_orders alone gives access to. */
export const DEFAULT_ORDER_HISTORY_DAYS = 60;

const DAY_MS = 86_400_000;

export interface BackfillWindow {
  /** Orders created at or after this instant are imported. */
  createdSince: Date;
  /** True when read_all_orders is granted: the whole history is imported. */
  allOrders: boolean;
}

/** Splits a session's scope string ("read_orders,write_discounts") into its scopes. */
export function parseScopes(scope: string | null | undefined): string[] {
  return (scope ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * The backfill's reach under the granted scopes: everything with read_all_orders, else the last 60 days
 * (read_orders or write_orders). Without any orders scope there is nothing to read: null.
 */
export function backfillWindow(grantedScopes: readonly string[], now: Date): BackfillWindow | null {
  if (Number.isNaN(now.getTime())) throw new RangeError("now is not a valid date");
  const scopes = new Set(grantedScopes);
  if (scopes.has("read_all_orders")) return { createdSince: new Date(0), allOrders: true };
  if (scopes.has("read_orders") || scopes.has("write_orders")) {
    return { createdSince: new Date(now.getTime() - DEFAULT_ORDER_HISTORY_DAYS * DAY_MS), allOrders: false };
  }
  return null;
}
