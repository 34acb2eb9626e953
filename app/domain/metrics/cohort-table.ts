import { MetricsInputError } from "./errors";
import { daySerial, isLastDayOfMonth, monthKey, monthOrdinal } from "./internal/day";
import { assertInteger, divRoundHalfEven, sumIntegers, toSafeNumber } from "./internal/integer-math";

export type CohortTableCustomer = {
  /** Shop-time-zone day of the acquiring order, 'YYYY-MM-DD'. */
  acquiredDay: string;
  /** Orders including the acquiring one, by shop-time-zone day, with net sales in minor units. */
  orders: readonly { day: string; netMinor: number }[];
};

export type CohortCell = {
  /** Calendar months since the acquisition month (0 = the acquisition month itself). */
  monthsSinceAcquisition: number;
  /** Distinct cohort customers with at least one order in this month. */
  activeCustomers: number;
  /** activeCustomers / cohort customers. */
  retention: number;
  netMinor: number;
  cumulativeNetMinor: number;
  /** Cumulative net sales per cohort customer, integer minor units (half to even). */
  cumulativeNetPerCustomerMinor: number;
  /** True for the asOf month when asOf is not its last day: the month is still running. */
  partial: boolean;
};

export type CohortRow = {
  /** Acquisition month, 'YYYY-MM'. */
  cohortMonth: string;
  customers: number;
  /** One cell per month from the acquisition month up to the asOf month. */
  cells: CohortCell[];
};

/**
 * Cohort table by acquisition month with months-since-acquisition columns, built from shop-zone day strings.
 * Calendar months are used (a customer acquired on the 31st is in month 1 the next day). Customers acquired
 * after asOf and orders after asOf or before acquisition are left out.
 */
export function cohortTable(customers: readonly CohortTableCustomer[], asOf: string): CohortRow[] {
  const asOfSerial = daySerial(asOf);
  const asOfMonth = monthOrdinal(asOf);
  const asOfMonthIsPartial = !isLastDayOfMonth(asOf);

  type Bucket = { customers: number; activeByOffset: Map<number, number>; netByOffset: Map<number, number[]> };
  const buckets = new Map<string, Bucket>();

  customers.forEach((customer, i) => {
    const acquiredSerial = daySerial(customer.acquiredDay);
    if (acquiredSerial > asOfSerial) return;
    const cohortMonth = monthKey(customer.acquiredDay);
    const acquiredMonth = monthOrdinal(customer.acquiredDay);
    const bucket = buckets.get(cohortMonth) ?? { customers: 0, activeByOffset: new Map(), netByOffset: new Map() };
    buckets.set(cohortMonth, bucket);
    bucket.customers += 1;
    const activeOffsets = new Set<number>();
    customer.orders.forEach((order, j) => {
      assertInteger(`customers[${i}].orders[${j}].netMinor`, order.netMinor);
      const serial = daySerial(order.day);
      if (serial < acquiredSerial || serial > asOfSerial) return;
      const offset = monthOrdinal(order.day) - acquiredMonth;
      activeOffsets.add(offset);
      const list = bucket.netByOffset.get(offset) ?? [];
      list.push(order.netMinor);
      bucket.netByOffset.set(offset, list);
    });
    for (const offset of activeOffsets) {
      bucket.activeByOffset.set(offset, (bucket.activeByOffset.get(offset) ?? 0) + 1);
    }
  });

  return [...buckets.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([cohortMonth, bucket]) => {
      const lastOffset = asOfMonth - monthOrdinal(`${cohortMonth}-01`);
      if (lastOffset < 0) throw new MetricsInputError("cohort month after asOf"); // unreachable: filtered above
      const cells: CohortCell[] = [];
      let cumulativeNetMinor = 0;
      for (let offset = 0; offset <= lastOffset; offset++) {
        const netMinor = sumIntegers("netMinor", bucket.netByOffset.get(offset) ?? []);
        cumulativeNetMinor = sumIntegers("cumulativeNetMinor", [cumulativeNetMinor, netMinor]);
        const activeCustomers = bucket.activeByOffset.get(offset) ?? 0;
        cells.push({
          monthsSinceAcquisition: offset,
          activeCustomers,
          retention: activeCustomers / bucket.customers,
          netMinor,
          cumulativeNetMinor,
          cumulativeNetPerCustomerMinor: toSafeNumber(
            "cumulativeNetPerCustomerMinor",
            divRoundHalfEven(BigInt(cumulativeNetMinor), BigInt(bucket.customers)),
          ),
          partial: offset === lastOffset && asOfMonthIsPartial,
        });
      }
      return { cohortMonth, customers: bucket.customers, cells };
    });
}
