import { assertInteger, sumIntegers } from "./internal/integer-math";
import { assertHorizonDays, MS_PER_DAY, toEpochMs, type Instant } from "./internal/instant";
import { minorRatioOf, undefinedRatio, type Ratio } from "./ratio";

export type CohortCustomer = {
  /** Instant of the acquiring order. */
  acquiredAt: Instant;
  /** The customer's orders including the acquiring one, each with its net sales (after refunds) in minor units. */
  orders: readonly { at: Instant; netMinor: number }[];
};

export type RealisedClv = {
  /** Cohort net sales within the horizon / customers counted, integer minor units (half to even). */
  clv: Ratio;
  /** Net sales of the counted customers' orders within the horizon. */
  netMinor: number;
  /** Customers counted (all, or with asOf only those observed for the whole horizon). */
  customers: number;
  /** Customers left out because acquiredAt + days is after asOf (0 without asOf). */
  immatureCustomers: number;
};

/**
 * CLV (N days, realised) = net sales of the cohort's orders from acquisition to N × 24 h after it (inclusive)
 * / cohort size. With asOf, a customer counts only once observed for the full N days (right-censoring).
 */
export function computeRealisedClv(cohort: readonly CohortCustomer[], days: number, asOf?: Instant): RealisedClv {
  assertHorizonDays(days);
  const horizonMs = days * MS_PER_DAY;
  const asOfMs = asOf === undefined ? undefined : toEpochMs("asOf", asOf);
  const amounts: number[] = [];
  let customers = 0;
  let immatureCustomers = 0;
  cohort.forEach((customer, i) => {
    const acquiredMs = toEpochMs(`cohort[${i}].acquiredAt`, customer.acquiredAt);
    const endMs = acquiredMs + horizonMs;
    const orders = customer.orders.map((o, j) => {
      assertInteger(`cohort[${i}].orders[${j}].netMinor`, o.netMinor);
      return { ms: toEpochMs(`cohort[${i}].orders[${j}].at`, o.at), netMinor: o.netMinor };
    });
    if (asOfMs !== undefined && endMs > asOfMs) {
      immatureCustomers += 1;
      return;
    }
    customers += 1;
    // Orders before acquisition belong to no creator's cohort value.
    for (const o of orders) if (o.ms >= acquiredMs && o.ms <= endMs) amounts.push(o.netMinor);
  });
  const netMinor = sumIntegers("netMinor", amounts);
  const clv =
    customers === 0
      ? undefinedRatio(cohort.length === 0 ? "no_customers" : "no_mature_customers")
      : minorRatioOf(netMinor, customers, "no_customers");
  return { clv, netMinor, customers, immatureCustomers };
}
