// What a collaboration costs over a period (DESIGN §5: fixed fees + commission + gifted product cost + seeding
// shipping). Fixed costs are spread evenly over the collaboration's days so that a period carries its own share
// and consecutive periods add up to the whole; commission follows the sales credited in the period.
import { computeCost, type CostBreakdown } from "~/domain/metrics";
import type { DayPeriod } from "./date-range";
import { spreadOverDays } from "./spread-over-days";

export type CostBasis = {
  collaborationId: string;
  creatorId: string;
  campaignId: string;
  feeMinor: number;
  commissionBps: number;
  giftedCostMinor: number;
  shippingCostMinor: number;
  /** gifted | paid | commission | hybrid (the campaign's). */
  compensationType: string;
  /** The days the fixed costs are spread over (see collaborationWindow). */
  window: DayPeriod;
};

export const ZERO_COST: CostBreakdown = Object.freeze({
  feesMinor: 0,
  commissionMinor: 0,
  giftedMinor: 0,
  shippingMinor: 0,
  totalMinor: 0,
});

/**
 * The days a collaboration's fixed costs are spread over: the campaign's dates, from the collaboration's creation
 * when the campaign has no start, and up to today (or the start, if later) when it has no end. An end before the
 * start books everything on the start day.
 */
export function collaborationWindow(
  input: { campaignStartDay: string | null; campaignEndDay: string | null; createdDay: string },
  today: string,
): DayPeriod {
  const from = input.campaignStartDay ?? input.createdDay;
  const openEnd = today > from ? today : from;
  const to = input.campaignEndDay ?? openEnd;
  return { from, to: to < from ? from : to };
}

/** Cost of one collaboration: its fixed costs' share of `period` (all of them when period is null) plus commission on the credited net sales given. */
export function collaborationCost(basis: CostBasis, creditedNetMinor: number, period: DayPeriod | null): CostBreakdown {
  const share = (amount: number) => (period === null ? amount : spreadOverDays(amount, basis.window, period));
  return computeCost({
    feesMinor: share(basis.feeMinor),
    commissionRateBps: basis.commissionBps,
    creditedNetMinor,
    giftedCostMinor: share(basis.giftedCostMinor),
    seedingShippingMinor: share(basis.shippingCostMinor),
  });
}

/** The sum of cost breakdowns. */
export function addCosts(a: CostBreakdown, b: CostBreakdown): CostBreakdown {
  return {
    feesMinor: a.feesMinor + b.feesMinor,
    commissionMinor: a.commissionMinor + b.commissionMinor,
    giftedMinor: a.giftedMinor + b.giftedMinor,
    shippingMinor: a.shippingMinor + b.shippingMinor,
    totalMinor: a.totalMinor + b.totalMinor,
  };
}
