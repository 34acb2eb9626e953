// What a cohort snapshot row holds: the realised CLV curve, the repeat rates and (for creators) the cohort table
// of one group of acquired customers, computed by ~/domain/metrics and stored as JSON.
import { z } from "zod";
import {
  CLV_HORIZONS,
  clvCurve,
  cohortTable,
  computeRepeatRate,
  type ClvPoint,
  type CohortRow,
  type Ratio,
} from "~/domain/metrics";

export type SnapshotCustomer = {
  acquiredAt: Date;
  /** Shop-zone day of the acquisition. */
  acquiredDay: string;
  /** The customer's counted orders (test and cancelled ones excluded), net sales after refunds. */
  orders: { at: Date; day: string; netMinor: number }[];
};

export type RepeatPoint = { days: number; rate: Ratio; repeatCustomers: number; eligibleCustomers: number };

export type CohortSnapshotData = { clv: ClvPoint[]; repeat: RepeatPoint[]; cohorts: CohortRow[] };

/** Realised CLV and repeat rate at 30/90/180/365 days as of `asOf`, and the cohort table by acquisition month when asked. */
export function buildCohortSnapshotData(
  customers: readonly SnapshotCustomer[],
  asOf: Date,
  asOfDay: string,
  options: { cohorts: boolean },
): CohortSnapshotData {
  const clv = clvCurve(
    customers.map((c) => ({ acquiredAt: c.acquiredAt, orders: c.orders.map((o) => ({ at: o.at, netMinor: o.netMinor })) })),
    asOf,
  );
  const timed = customers.map((c) => ({ acquiredAt: c.acquiredAt, orderTimes: c.orders.map((o) => o.at) }));
  const repeat = CLV_HORIZONS.map((days) => {
    const r = computeRepeatRate(timed, days, asOf);
    return { days, rate: r.rate, repeatCustomers: r.repeatCustomers, eligibleCustomers: r.eligibleCustomers };
  });
  const cohorts = options.cohorts
    ? cohortTable(
        customers.map((c) => ({ acquiredDay: c.acquiredDay, orders: c.orders.map((o) => ({ day: o.day, netMinor: o.netMinor })) })),
        asOfDay,
      )
    : [];
  return { clv, repeat, cohorts };
}

const ratio = z.union([
  z.object({ kind: z.literal("value"), value: z.number() }),
  z.object({ kind: z.literal("undefined"), reason: z.string() }),
]);

const dataSchema = z.object({
  clv: z.array(z.object({ days: z.number(), clv: ratio, matureCustomers: z.number(), netMinor: z.number() })),
  repeat: z.array(z.object({ days: z.number(), rate: ratio, repeatCustomers: z.number(), eligibleCustomers: z.number() })),
  cohorts: z.array(
    z.object({
      cohortMonth: z.string(),
      customers: z.number(),
      cells: z.array(
        z.object({
          monthsSinceAcquisition: z.number(),
          activeCustomers: z.number(),
          retention: z.number(),
          netMinor: z.number(),
          cumulativeNetMinor: z.number(),
          cumulativeNetPerCustomerMinor: z.number(),
          partial: z.boolean(),
        }),
      ),
    }),
  ),
});

/** Reads a stored snapshot; a row written by an older shape throws, so the caller recomputes rather than shows garbage. */
export function parseCohortSnapshotData(json: string): CohortSnapshotData {
  return dataSchema.parse(JSON.parse(json)) as CohortSnapshotData;
}
