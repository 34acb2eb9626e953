import {
  assertBasisPoints,
  assertInteger,
  assertNonNegativeInteger,
  mulDivRoundHalfEven,
  sumIntegers,
} from "./internal/integer-math";

export type CostInput = {
  /** Fixed fees paid to the creator, minor units. */
  feesMinor: number;
  /** Commission rate in basis points (1250 = 12.5%). */
  commissionRateBps: number;
  /** Net sales credited to the creator, minor units; may be negative when refunds exceed sales. */
  creditedNetMinor: number;
  /** Cost of the gifted products, minor units. */
  giftedCostMinor: number;
  /** Shipping paid to send seeding parcels, minor units. */
  seedingShippingMinor: number;
};

export type CostBreakdown = {
  feesMinor: number;
  commissionMinor: number;
  giftedMinor: number;
  shippingMinor: number;
  totalMinor: number;
};

/** Cost = fixed fees + commission (rate × credited net sales, rounded half to even) + gifted product cost + seeding shipping. */
export function computeCost(input: CostInput): CostBreakdown {
  assertNonNegativeInteger("feesMinor", input.feesMinor);
  assertBasisPoints("commissionRateBps", input.commissionRateBps);
  assertInteger("creditedNetMinor", input.creditedNetMinor);
  assertNonNegativeInteger("giftedCostMinor", input.giftedCostMinor);
  assertNonNegativeInteger("seedingShippingMinor", input.seedingShippingMinor);
  // Negative credited net sales give a negative commission: a clawback. Keeping the sign makes the
  // commission of a period equal (up to rounding) the sum of its days' commissions.
  const commissionMinor = mulDivRoundHalfEven(input.creditedNetMinor, input.commissionRateBps, 10_000);
  const totalMinor = sumIntegers("cost", [
    input.feesMinor,
    commissionMinor,
    input.giftedCostMinor,
    input.seedingShippingMinor,
  ]);
  return {
    feesMinor: input.feesMinor,
    commissionMinor,
    giftedMinor: input.giftedCostMinor,
    shippingMinor: input.seedingShippingMinor,
    totalMinor,
  };
}
