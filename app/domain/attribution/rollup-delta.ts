import { addDays } from "~/domain/dates";
import { allocateMinor, assertMinor } from "~/domain/money";
import type { CustomerOrderClass } from "./classify-customer-order";
import { AttributionInputError } from "./errors";
import { CREDIT_SCALE, type TouchKind } from "./types";

/** How a creator's credit was decided: a touch kind, or 'manual' when staff reassigned the order without a signal of that creator. */
export type CreditKind = TouchKind | "manual";

/** A refund as the rollups see it: merchandise amount in shop-currency minor units on the refund's shop-local day. */
export interface RollupRefund {
  shopifyRefundId: string;
  day: string;
  amountMinor: number;
}

/** What an order contributes to the daily rollups; null stands for "contributes nothing" (cancelled, test, unknown). */
export interface OrderRollupState {
  /** Shop-local day of the order's processedAt. */
  day: string;
  grossMinor: number;
  discountsMinor: number;
  /** Cost of goods of the lines whose unit cost is known (0 when none is), split among creators like gross. */
  cogsMinor?: number;
  /** Line sales after discounts of those same lines: the part of net sales cogsMinor covers. */
  cogsCoveredMinor?: number;
  /** Credited creators (ppm > 0) summing to exactly CREDIT_SCALE, or none for an uncredited order; assists are ignored. */
  credits: readonly { creatorId: string; campaignId: string | null; ppm: number; kind: CreditKind }[];
  customer: CustomerOrderClass;
  refunds: readonly RollupRefund[];
}

/** A signed change to one DailyRollup row (creatorId/campaignId null = the shop's uncredited sales). */
export interface RollupDelta {
  creatorId: string | null;
  campaignId: string | null;
  day: string;
  orders: number;
  /** Sum of the credit of the orders in this row, in millionths (1,000,000 per wholly credited order). */
  orderCreditPpm: number;
  codeOrders: number;
  linkOrders: number;
  newCustomers: number;
  grossMinor: number;
  discountsMinor: number;
  refundsMinor: number;
  netMinor: number;
  repeatOrders: number;
  repeatNetMinor: number;
  cogsMinor: number;
  cogsCoveredMinor: number;
}

type Metric = Exclude<keyof RollupDelta, "creatorId" | "campaignId" | "day">;

/** The measures an order moves in a rollup row (clicks are counted apart), in the order the table stores them. */
export const ROLLUP_DELTA_METRICS = [
  "orders",
  "orderCreditPpm",
  "codeOrders",
  "linkOrders",
  "newCustomers",
  "grossMinor",
  "discountsMinor",
  "refundsMinor",
  "netMinor",
  "repeatOrders",
  "repeatNetMinor",
  "cogsMinor",
  "cogsCoveredMinor",
] as const satisfies readonly Metric[];
const METRICS: readonly Metric[] = ROLLUP_DELTA_METRICS;

class RollupRows {
  private readonly rows = new Map<string, RollupDelta>();

  add(creatorId: string | null, campaignId: string | null, day: string, values: Partial<Record<Metric, number>>): void {
    const key = JSON.stringify([creatorId, campaignId, day]);
    let row = this.rows.get(key);
    if (!row) {
      row = { creatorId, campaignId, day, ...Object.fromEntries(METRICS.map((m) => [m, 0])) } as RollupDelta;
      this.rows.set(key, row);
    }
    for (const metric of METRICS) row[metric] += values[metric] ?? 0;
  }

  addAll(deltas: readonly RollupDelta[], sign: 1 | -1): void {
    for (const delta of deltas) {
      this.add(delta.creatorId, delta.campaignId, delta.day, Object.fromEntries(METRICS.map((m) => [m, sign * delta[m]])));
    }
  }

  /** Non-zero rows sorted by day, creator (uncredited first), campaign. */
  result(): RollupDelta[] {
    const text = (value: string | null) => value ?? "";
    return [...this.rows.values()]
      .filter((row) => METRICS.some((metric) => row[metric] !== 0))
      .map((row) => {
        for (const metric of METRICS) if (Object.is(row[metric], -0)) row[metric] = 0;
        return row;
      })
      .sort(
        (a, b) =>
          a.day.localeCompare(b.day) ||
          Number(a.creatorId !== null) - Number(b.creatorId !== null) ||
          text(a.creatorId).localeCompare(text(b.creatorId)) ||
          Number(a.campaignId !== null) - Number(b.campaignId !== null) ||
          text(a.campaignId).localeCompare(text(b.campaignId)),
      );
  }
}

function assertDay(day: string, what: string): void {
  try {
    addDays(day, 0);
  } catch {
    throw new AttributionInputError(`${what} is not a 'YYYY-MM-DD' day: ${JSON.stringify(day)}`);
  }
}

function validate(state: OrderRollupState): void {
  assertDay(state.day, "Order day");
  assertMinor(state.grossMinor);
  assertMinor(state.discountsMinor);
  assertMinor(state.cogsMinor ?? 0);
  assertMinor(state.cogsCoveredMinor ?? 0);
  const positive = state.credits.filter((credit) => credit.ppm > 0);
  for (const credit of state.credits) {
    if (!Number.isSafeInteger(credit.ppm) || credit.ppm < 0 || credit.ppm > CREDIT_SCALE) {
      throw new AttributionInputError(`Credit ppm must be a whole number in 0..${CREDIT_SCALE}, got ${String(credit.ppm)}`);
    }
  }
  const total = positive.reduce((sum, credit) => sum + credit.ppm, 0);
  if (positive.length > 0 && total !== CREDIT_SCALE) {
    throw new AttributionInputError(`Credits of one order must sum to ${CREDIT_SCALE} ppm, got ${total}`);
  }
  if (new Set(positive.map((c) => c.creatorId)).size !== positive.length) {
    throw new AttributionInputError("An order credits each creator at most once");
  }
  if (state.customer.cohort !== "none" && state.customer.cohortCreatorId === null) {
    throw new AttributionInputError(`A '${state.customer.cohort}' order needs the cohort's creator`);
  }
  for (const refund of state.refunds) {
    assertDay(refund.day, "Refund day");
    assertMinor(refund.amountMinor);
  }
  if (new Set(state.refunds.map((r) => r.shopifyRefundId)).size !== state.refunds.length) {
    throw new AttributionInputError("An order lists the same refund twice");
  }
}

/**
 * The absolute rollup rows of one order state. Money follows the credits: gross, discounts, cost of goods and each
 * refund are split by ppm with allocateMinor, so the creators' parts sum exactly to the order's amounts; net = gross −
 * discounts − refunds per row; orderCreditPpm adds each row's share (the uncredited row takes the whole order). Every credited creator counts the order once (as a code order when a code decided
 * it, else as a link order). A new customer counts in the acquiring creator's row, else in the uncredited row.
 * A repeat order adds its whole net sales to its cohort creator's repeat metrics. Refunds land on their own day.
 */
export function orderRollupContributions(state: OrderRollupState | null): RollupDelta[] {
  if (state === null) return [];
  validate(state);
  const rows = new RollupRows();

  const credits = state.credits.filter((credit) => credit.ppm > 0);
  const buckets = credits.length > 0 ? credits : [{ creatorId: null, campaignId: null, ppm: CREDIT_SCALE, kind: null }];
  const weights = buckets.map((bucket) => bucket.ppm);
  const gross = allocateMinor(state.grossMinor, weights);
  const discounts = allocateMinor(state.discountsMinor, weights);
  const cogs = allocateMinor(state.cogsMinor ?? 0, weights);
  const cogsCovered = allocateMinor(state.cogsCoveredMinor ?? 0, weights);

  buckets.forEach((bucket, i) => {
    const grossPart = gross[i] ?? 0;
    const discountPart = discounts[i] ?? 0;
    rows.add(bucket.creatorId, bucket.campaignId, state.day, {
      orders: 1,
      orderCreditPpm: bucket.ppm,
      codeOrders: bucket.kind === "code" ? 1 : 0,
      // A manual reassignment is neither a code order nor a link order: no signal of that creator decided it.
      linkOrders: bucket.kind !== null && bucket.kind !== "code" && bucket.kind !== "manual" ? 1 : 0,
      grossMinor: grossPart,
      discountsMinor: discountPart,
      netMinor: grossPart - discountPart,
      cogsMinor: cogs[i] ?? 0,
      cogsCoveredMinor: cogsCovered[i] ?? 0,
    });
  });

  for (const refund of state.refunds) {
    const parts = allocateMinor(refund.amountMinor, weights);
    buckets.forEach((bucket, i) => {
      const part = parts[i] ?? 0;
      rows.add(bucket.creatorId, bucket.campaignId, refund.day, { refundsMinor: part, netMinor: -part });
    });
  }

  const { customer } = state;
  if (customer.customerType === "new") {
    const acquired = customer.cohort === "acquired";
    rows.add(acquired ? customer.cohortCreatorId : null, acquired ? customer.cohortCampaignId : null, state.day, {
      newCustomers: 1,
    });
  }
  if (customer.cohort === "repeat") {
    rows.add(customer.cohortCreatorId, customer.cohortCampaignId, state.day, {
      repeatOrders: 1,
      repeatNetMinor: state.grossMinor - state.discountsMinor,
    });
    for (const refund of state.refunds) {
      rows.add(customer.cohortCreatorId, customer.cohortCampaignId, refund.day, { repeatNetMinor: -refund.amountMinor });
    }
  }
  return rows.result();
}

/**
 * The signed changes that turn the rollups of an order's previous stored state into those of its new state
 * (null = not counted: absent, cancelled, test). Deltas telescope: applying those of any sequence of stored
 * states yields exactly the rollup of the last one, so a duplicate update gives no change and an out-of-order
 * update skipped by updated_at leaves nothing behind.
 */
export function rollupDelta(previous: OrderRollupState | null, next: OrderRollupState | null): RollupDelta[] {
  const rows = new RollupRows();
  rows.addAll(orderRollupContributions(next), 1);
  rows.addAll(orderRollupContributions(previous), -1);
  return rows.result();
}

/**
 * The rollup changes of recording a refund on an order, on the refund's own day, and the order's new state.
 * A refund already recorded gives no change (a changed amount or day replaces it). Without a counted order
 * (null: not yet arrived, cancelled, test) there is nothing to change; the refund is applied when the order's
 * state is next built with its stored refunds.
 */
export function refundDelta(
  state: OrderRollupState | null,
  refund: RollupRefund,
): { deltas: RollupDelta[]; next: OrderRollupState | null } {
  if (state === null) return { deltas: [], next: null };
  const next: OrderRollupState = {
    ...state,
    refunds: [...state.refunds.filter((r) => r.shopifyRefundId !== refund.shopifyRefundId), refund],
  };
  return { deltas: rollupDelta(state, next), next };
}

/** Sums lists of deltas into one list of non-zero rows (e.g. to apply a batch, or to check a rebuild). */
export function mergeRollupDeltas(...lists: readonly (readonly RollupDelta[])[]): RollupDelta[] {
  const rows = new RollupRows();
  for (const list of lists) rows.addAll(list, 1);
  return rows.result();
}
