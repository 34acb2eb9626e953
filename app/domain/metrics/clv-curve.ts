import { MetricsInputError } from "./errors";
import { computeRealisedClv, type CohortCustomer } from "./compute-realised-clv";
import type { Instant } from "./internal/instant";
import type { Ratio } from "./ratio";

/** The horizons shown on CLV curves, in days. */
export const CLV_HORIZONS = [30, 90, 180, 365] as const;

export type ClvPoint = {
  days: number;
  /** Realised CLV over the customers mature for this horizon; undefined when none is. */
  clv: Ratio;
  /** Customers observed for at least `days` by asOf: each point has its own denominator. */
  matureCustomers: number;
  netMinor: number;
};

/**
 * Realised CLV at each horizon (30, 90, 180, 365 days by default). A customer counts in the N-day point only
 * once acquiredAt + N days ≤ asOf, so a young cohort never shows a 365-day value built from 40 days of data;
 * later points therefore average over fewer, older customers.
 */
export function clvCurve(
  cohort: readonly CohortCustomer[],
  asOf: Instant,
  horizons: readonly number[] = CLV_HORIZONS,
): ClvPoint[] {
  for (let i = 1; i < horizons.length; i++) {
    if ((horizons[i] ?? 0) <= (horizons[i - 1] ?? 0)) {
      throw new MetricsInputError("horizons must be strictly increasing");
    }
  }
  return horizons.map((days) => {
    const r = computeRealisedClv(cohort, days, asOf);
    return { days, clv: r.clv, matureCustomers: r.customers, netMinor: r.netMinor };
  });
}
