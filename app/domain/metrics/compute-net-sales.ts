import { assertNonNegativeInteger, toSafeNumber } from "./internal/integer-math";

export type SalesAmounts = {
  /** Line prices before discounts, minor units. */
  grossMinor: number;
  /** Discounts as a positive amount, minor units. */
  discountsMinor: number;
  /** Refunds as a positive amount, minor units. */
  refundsMinor: number;
};

/** Net sales = gross − discounts − refunds (shipping and taxes excluded); negative when a day's refunds exceed its sales. */
export function computeNetSales(amounts: SalesAmounts): number {
  // Discounts and refunds arrive as magnitudes; a negative one means a sign slipped upstream and would
  // silently add to sales, so it is refused.
  assertNonNegativeInteger("grossMinor", amounts.grossMinor);
  assertNonNegativeInteger("discountsMinor", amounts.discountsMinor);
  assertNonNegativeInteger("refundsMinor", amounts.refundsMinor);
  return toSafeNumber(
    "netMinor",
    BigInt(amounts.grossMinor) - BigInt(amounts.discountsMinor) - BigInt(amounts.refundsMinor),
  );
}
