import { describe, expect, test } from "vitest";
import { CLV_HORIZONS, clvCurve } from "./clv-curve";
import type { CohortCustomer } from "./compute-realised-clv";
import { MetricsInputError } from "./errors";

const order = (day: string, netMinor: number) => ({ at: `${day}T00:00:00Z`, netMinor });
const cohort: CohortCustomer[] = [
  // X: mature for every horizon by 2025-01-01 (acquired 2024-01-01; +365 d = 2024-12-31)
  {
    acquiredAt: "2024-01-01T00:00:00Z",
    orders: [order("2024-01-01", 10_000), order("2024-02-15", 5_000), order("2024-05-01", 7_000), order("2024-12-01", 2_000)],
  },
  // Y: mature for 30 and 90 days only (day 75 order included in 90)
  {
    acquiredAt: "2024-09-01T00:00:00Z",
    orders: [order("2024-09-01", 4_000), order("2024-09-20", 1_000), order("2024-11-15", 3_000)],
  },
  // Z: acquired 17 days before asOf: in no point yet
  { acquiredAt: "2024-12-15T00:00:00Z", orders: [order("2024-12-15", 6_000)] },
];

describe("clvCurve censors customers not yet observed for each horizon", () => {
  test("each point averages only the customers mature for it", () => {
    expect(clvCurve(cohort, "2025-01-01T00:00:00Z")).toEqual([
      { days: 30, clv: { kind: "value", value: 7_500 }, matureCustomers: 2, netMinor: 15_000 },
      { days: 90, clv: { kind: "value", value: 11_500 }, matureCustomers: 2, netMinor: 23_000 },
      { days: 180, clv: { kind: "value", value: 22_000 }, matureCustomers: 1, netMinor: 22_000 },
      { days: 365, clv: { kind: "value", value: 24_000 }, matureCustomers: 1, netMinor: 24_000 },
    ]);
  });

  test.each([
    ["as of Oct 15, Y counts only at 30 days and X has no 365-day point yet", "2024-10-15T00:00:00Z", [2, 1, 1, 0]],
    ["a cohort younger than 30 days has no point at all", "2024-01-20T00:00:00Z", [0, 0, 0, 0]],
    ["one day before X's 365-day mark", "2024-12-30T00:00:00Z", [2, 2, 1, 0]],
  ])("%s", (_label, asOf, mature) => {
    const points = clvCurve(cohort, asOf);
    expect(points.map((p) => p.matureCustomers)).toEqual(mature);
    points.forEach((p, i) => {
      if (mature[i] === 0) expect(p.clv).toEqual({ kind: "undefined", reason: "no_mature_customers" });
    });
  });

  test("an empty cohort gives no_customers at every horizon", () => {
    expect(clvCurve([], "2025-01-01T00:00:00Z").map((p) => p.clv)).toEqual(
      CLV_HORIZONS.map(() => ({ kind: "undefined", reason: "no_customers" })),
    );
  });

  test("custom horizons", () => {
    expect(clvCurve(cohort, "2025-01-01T00:00:00Z", [7]).map((p) => [p.days, p.clv])).toEqual([
      [7, { kind: "value", value: 6_667 }], // (10,000 + 4,000 + 6,000) / 3
    ]);
  });

  test.each([
    ["decreasing horizons", [90, 30]],
    ["repeated horizons", [30, 30]],
  ])("refuses %s", (_label, horizons) => {
    expect(() => clvCurve(cohort, "2025-01-01T00:00:00Z", horizons)).toThrow(MetricsInputError);
  });
});
