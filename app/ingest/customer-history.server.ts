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
import {
  listOrdersOfCustomer,
  saveCustomer,
  updateOrderDerived,
  type CustomerOrderRow,
  type CustomerWrite,
} from "../models/ingested-order.server";
import type { Tx } from "../models/transaction.server";

/** A guest checkout: no history can be known, so no new customer and no cohort. */
export const GUEST: CustomerOrderClass = { customerType: "unknown", cohort: "none", cohortCreatorId: null, cohortCampaignId: null };

/**
 * The order being ingested, before it is written: its fresh state (customer class still to be set), what the
 * customer's history reads of it, and the state last applied for it (null for a new order).
 */
export type CurrentOrder = {
  id: string;
  shopifyOrderId: string;
  processedAt: Date;
  utm: string | null;
  referrer: string | null;
  base: OrderRollupState | null;
  previous: string | null;
  previousIndex: number | null;
};

/** The state to apply to one order: its stored text, its place in the customer's history, and whether it changed. */
export type PlannedState = { state: OrderRollupState | null; text: string | null; index: number | null; changed: boolean; deltas: RollupDelta[] };

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

/** What applying `next` to an order whose last applied state is `previous` changes. */
export function planState(previous: string | null, previousIndex: number | null, next: OrderRollupState | null, index: number | null): PlannedState {
  const text = serializeRollupState(next);
  const changed = text !== previous || index !== previousIndex;
  return { state: next, text, index, changed, deltas: changed && text !== previous ? rollupDelta(parseRollupState(previous), next) : [] };
}

/** A guest order's state: no customer history. */
export function planGuestState(current: Pick<CurrentOrder, "base" | "previous" | "previousIndex">): PlannedState {
  return planState(current.previous, current.previousIndex, current.base && { ...current.base, customer: GUEST }, null);
}

export type CustomerPlan = {
  /** The current order's state (null when there is no current order). */
  current: PlannedState | null;
  /** The other orders of the customer whose state or place changed. */
  others: { id: string; plan: PlannedState }[];
  /** Who acquired the customer (null: no counted order left); write only when `customerChanged`. */
  customer: CustomerWrite | null;
};

/**
 * Classifies all of one customer's orders again (first counted order = new customer, acquired by its creator;
 * later ones = repeat purchases in that creator's cohort), with the current order as it is about to be written, so
 * that the result does not depend on the order the webhooks came in. Pure planning: nothing is written.
 */
export function planCustomer(rows: readonly CustomerOrderRow[], current: CurrentOrder | null, excludeIds: readonly string[] = []): CustomerPlan {
  const entries = rows
    .filter((row) => row.id !== current?.id && !excludeIds.includes(row.id))
    .map((row) => {
      const counted = !row.test && row.cancelledAt === null;
      return {
        id: row.id,
        key: row.shopifyOrderId,
        processedAt: row.processedAt,
        utm: row.utm,
        referrer: row.referrer,
        base: counted ? parseRollupState(row.rollupState) : null,
        previous: row.rollupState,
        previousIndex: row.customerOrderIndex,
        isCurrent: false,
      };
    });
  if (current) entries.push({ ...current, key: current.shopifyOrderId, isCurrent: true });

  const history = classifyCustomerHistory(
    entries
      .filter((entry) => entry.base !== null)
      .map((entry) => ({
        key: entry.key,
        processedAt: entry.processedAt,
        main: mainCredit(entry.base!.credits),
        referrer: entry.referrer,
        ...utmChannel(entry.utm),
      })),
  );

  let currentPlan: PlannedState | null = null;
  const others: CustomerPlan["others"] = [];
  for (const entry of entries) {
    const customer = history.classes.get(entry.key);
    const next = entry.base && customer ? { ...entry.base, customer } : null;
    const plan = planState(entry.previous, entry.previousIndex, next, history.indexes.get(entry.key) ?? null);
    if (entry.isCurrent) currentPlan = plan;
    else if (plan.changed) others.push({ id: entry.id, plan });
  }

  const acquisition = history.acquisition;
  const first = acquisition ? entries.find((e) => e.key === acquisition.firstOrderKey) : undefined;
  return {
    current: currentPlan,
    others,
    customer:
      acquisition && first
        ? {
            firstOrderAt: new Date(acquisition.firstOrderAt),
            firstOrderId: first.id,
            acquiringCreatorId: acquisition.acquiringCreatorId,
            acquiringCampaignId: acquisition.acquiringCampaignId,
            acquisitionChannel: acquisition.acquisitionChannel,
          }
        : null,
  };
}

function sameCustomer(a: CustomerWrite | null, b: CustomerWrite | null): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.firstOrderAt.getTime() === b.firstOrderAt.getTime() &&
    a.firstOrderId === b.firstOrderId &&
    a.acquiringCreatorId === b.acquiringCreatorId &&
    a.acquiringCampaignId === b.acquiringCampaignId &&
    a.acquisitionChannel === b.acquisitionChannel
  );
}

/**
 * Reads a customer's orders, plans their states with the current order (see planCustomer), writes the other orders
 * whose state changed and the customer row, and returns the plan (the caller writes the current order with its
 * planned state) and every rollup delta. `excludeIds`: orders that no longer belong to this customer; `rows`: the
 * customer's orders when the caller already read them in this transaction.
 */
export async function reclassifyCustomer(
  tx: Tx,
  shop: string,
  customerId: string,
  current: CurrentOrder | null,
  opts: { excludeIds?: readonly string[]; rows?: readonly CustomerOrderRow[] } = {},
): Promise<{ current: PlannedState | null; deltas: RollupDelta[] }> {
  const excludeIds = opts.excludeIds ?? [];
  const rows = opts.rows ?? (await listOrdersOfCustomer(tx, shop, customerId));
  const plan = planCustomer(rows, current, excludeIds);
  const deltas: RollupDelta[] = [...(plan.current?.deltas ?? [])];
  for (const other of plan.others) {
    await updateOrderDerived(tx, other.id, { rollupState: other.plan.text, customerOrderIndex: other.plan.index });
    deltas.push(...other.plan.deltas);
  }
  // The stored customer row is what the stored orders say (every path that changes them writes it): it needs
  // writing only when the acquisition read from the orders as stored differs from the planned one.
  if (!sameCustomer(planCustomer(rows, null).customer, plan.customer)) await saveCustomer(tx, shop, customerId, plan.customer);
  return { current: plan.current, deltas };
}
