import {
  classifyCustomerHistory,
  mainCredit,
  parseRollupState,
  rollupDelta,
  serializeRollupState,
  type CustomerOrderClass,
  type OrderRollupState,
  type RollupDelta,
} from "../domain/attribution";
import { getCustomer, listOrdersOfCustomer, saveCustomer, updateOrderDerived, type CustomerOrderRow } from "../models/ingested-order.server";
import type { Tx } from "../models/transaction.server";

/** A guest checkout: no history can be known, so no new customer and no cohort. */
export const GUEST: CustomerOrderClass = { customerType: "unknown", cohort: "none", cohortCreatorId: null, cohortCampaignId: null };

/** The order being ingested: its fresh state (customer class still to be set) and the state last applied for it. */
export type CurrentOrder = { orderId: string; base: OrderRollupState | null; previous: string | null; previousIndex: number | null };

export function utmChannel(utmJson: string | null): { utmMedium: string | null; utmSource: string | null } {
  if (!utmJson) return { utmMedium: null, utmSource: null };
  try {
    const utm = JSON.parse(utmJson) as { medium?: unknown; source?: unknown };
    return {
      utmMedium: typeof utm.medium === "string" ? utm.medium : null,
      utmSource: typeof utm.source === "string" ? utm.source : null,
    };
  } catch {
    return { utmMedium: null, utmSource: null };
  }
}

/**
 * Applies a new state to one order: the rollup deltas from the state last applied, and the stored state itself.
 * Returns the deltas for the caller to add to the rollups (with the others of the same transaction).
 */
export async function setOrderState(
  tx: Tx,
  order: { id: string; previous: string | null; previousIndex: number | null },
  next: OrderRollupState | null,
  index: number | null,
  extra: Parameters<typeof updateOrderDerived>[2] = {},
): Promise<RollupDelta[]> {
  const nextText = serializeRollupState(next);
  const changed = nextText !== order.previous || index !== order.previousIndex;
  if (!changed && Object.keys(extra).length === 0) return [];
  if (changed) await updateOrderDerived(tx, order.id, { ...extra, rollupState: nextText, customerOrderIndex: index });
  else await updateOrderDerived(tx, order.id, extra);
  return changed ? rollupDelta(parseRollupState(order.previous), next) : [];
}

/**
 * Re-reads one customer's orders and classifies them again (first order = new customer, acquired by its creator;
 * later ones = repeat purchases in that creator's cohort), so that the result is the same whatever order the
 * webhooks came in. Applies the state of every order whose class changed, saves who acquired the customer, and
 * returns the rollup deltas. `current` is the order being ingested, already written but with its new state not yet
 * applied.
 */
export async function reclassifyCustomer(tx: Tx, shop: string, customerId: string, current: CurrentOrder | null): Promise<RollupDelta[]> {
  const rows = await listOrdersOfCustomer(tx, shop, customerId);
  const entries = rows.map((row: CustomerOrderRow) => {
    if (current && row.id === current.orderId) return { row, base: current.base, previous: current.previous, previousIndex: current.previousIndex };
    const counted = !row.test && row.cancelledAt === null;
    return { row, base: counted ? parseRollupState(row.rollupState) : null, previous: row.rollupState, previousIndex: row.customerOrderIndex };
  });
  const history = classifyCustomerHistory(
    entries
      .filter((entry) => entry.base !== null)
      .map((entry) => ({
        key: entry.row.shopifyOrderId,
        processedAt: entry.row.processedAt,
        main: mainCredit(entry.base!.credits),
        referrer: entry.row.referrer,
        ...utmChannel(entry.row.utm),
      })),
  );

  const deltas: RollupDelta[] = [];
  for (const entry of entries) {
    const customer = history.classes.get(entry.row.shopifyOrderId);
    const next = entry.base && customer ? { ...entry.base, customer } : null;
    const index = history.indexes.get(entry.row.shopifyOrderId) ?? null;
    deltas.push(...(await setOrderState(tx, { id: entry.row.id, previous: entry.previous, previousIndex: entry.previousIndex }, next, index)));
  }

  const acquisition = history.acquisition;
  const firstOrderId = acquisition ? (entries.find((e) => e.row.shopifyOrderId === acquisition.firstOrderKey)?.row.id ?? null) : null;
  const wanted =
    acquisition && firstOrderId
      ? {
          firstOrderAt: new Date(acquisition.firstOrderAt),
          firstOrderId,
          acquiringCreatorId: acquisition.acquiringCreatorId,
          acquiringCampaignId: acquisition.acquiringCampaignId,
          acquisitionChannel: acquisition.acquisitionChannel,
        }
      : null;
  const stored = await getCustomer(tx, shop, customerId);
  const same =
    (stored === null && wanted === null) ||
    (stored !== null &&
      wanted !== null &&
      stored.firstOrderAt.getTime() === wanted.firstOrderAt.getTime() &&
      stored.firstOrderId === wanted.firstOrderId &&
      stored.acquiringCreatorId === wanted.acquiringCreatorId &&
      stored.acquiringCampaignId === wanted.acquiringCampaignId &&
      stored.acquisitionChannel === wanted.acquisitionChannel);
  if (!same) await saveCustomer(tx, shop, customerId, wanted);
  return deltas;
}
