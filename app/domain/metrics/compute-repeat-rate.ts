import { assertHorizonDays, MS_PER_DAY, toEpochMs, type Instant } from "./internal/instant";
import { ratioOf, undefinedRatio, type Ratio } from "./ratio";

export type AcquiredCustomerOrders = {
  /** Instant of the acquiring (first credited) order. */
  acquiredAt: Instant;
  /** The customer's order instants; the acquiring order may be included, it is never counted as a repeat. */
  orderTimes: readonly Instant[];
};

export type RepeatRate = {
  /** repeatCustomers / eligibleCustomers; "no_customers" or "no_mature_customers" when nobody is eligible. */
  rate: Ratio;
  repeatCustomers: number;
  /** Customers in the denominator: all of them, or with asOf only those observed for the whole horizon. */
  eligibleCustomers: number;
  /** Customers left out because acquiredAt + days is after asOf (0 without asOf). */
  immatureCustomers: number;
};

/**
 * Repeat rate (N days) = acquired customers with a second order within N days (N × 24 h after acquisition,
 * inclusive) / acquired customers. With asOf, customers not yet observed for N days are left out of both
 * sides, since they have not had the chance to repeat.
 */
export function computeRepeatRate(
  customers: readonly AcquiredCustomerOrders[],
  days: number,
  asOf?: Instant,
): RepeatRate {
  assertHorizonDays(days);
  const horizonMs = days * MS_PER_DAY;
  const asOfMs = asOf === undefined ? undefined : toEpochMs("asOf", asOf);
  let repeatCustomers = 0;
  let eligibleCustomers = 0;
  let immatureCustomers = 0;
  customers.forEach((customer, i) => {
    const acquiredMs = toEpochMs(`customers[${i}].acquiredAt`, customer.acquiredAt);
    const endMs = acquiredMs + horizonMs;
    const orderMs = customer.orderTimes.map((t, j) => toEpochMs(`customers[${i}].orderTimes[${j}]`, t));
    if (asOfMs !== undefined && endMs > asOfMs) {
      immatureCustomers += 1;
      return;
    }
    eligibleCustomers += 1;
    // Orders at or before acquisition are the acquiring order itself or history the acquisition rule already
    // accounted for; only strictly later orders are repeats.
    if (orderMs.some((ms) => ms > acquiredMs && ms <= endMs)) repeatCustomers += 1;
  });
  const rate =
    eligibleCustomers === 0
      ? undefinedRatio(customers.length === 0 ? "no_customers" : "no_mature_customers")
      : ratioOf(repeatCustomers, eligibleCustomers, "no_customers");
  return { rate, repeatCustomers, eligibleCustomers, immatureCustomers };
}
