import { describe, expect, test } from "vitest";
import { computeRealisedClv, type CohortCustomer } from "./compute-realised-clv";
import { MetricsInputError } from "./errors";

const cohort: CohortCustomer[] = [
  // P: 50.00 at acquisition, 30.00 two weeks later, 40.00 exactly 60 days later (2024 is a leap year)
  {
    acquiredAt: "2024-01-01T00:00:00Z",
    orders: [
      { at: "2024-01-01T00:00:00Z", netMinor: 5_000 },
      { at: "2024-01-15T00:00:00Z", netMinor: 3_000 },
      { at: "2024-03-01T00:00:00Z", netMinor: 4_000 },
    ],
  },
  // Q: 80.00, then a refund bucket of −20.00
  {
    acquiredAt: "2024-01-10T12:00:00Z",
    orders: [
      { at: "2024-01-10T12:00:00Z", netMinor: 8_000 },
      { at: "2024-01-20T00:00:00Z", netMinor: -2_000 },
    ],
  },
  // R: 25.00, and an order before acquisition that belongs to no cohort
  {
    acquiredAt: "2024-02-01T00:00:00Z",
    orders: [
      { at: "2024-01-01T00:00:00Z", netMinor: 9_999 },
      { at: "2024-02-01T00:00:00Z", netMinor: 2_500 },
    ],
  },
];

describe("computeRealisedClv", () => {
  test.each([
    ["30 days: (80 + 60 + 25) / 3 = 55.00", cohort, 30, undefined, { clv: 5_500, net: 16_500, customers: 3, immature: 0 }],
    ["90 days adds P's day-60 order: 205 / 3 = 68.333 → 68.33", cohort, 90, undefined, { clv: 6_833, net: 20_500, customers: 3, immature: 0 }],
    ["59 days stops just before P's day-60 order", cohort, 59, undefined, { clv: 5_500, net: 16_500, customers: 3, immature: 0 }],
    ["as of Mar 5 everyone has 30 days", cohort, 30, "2024-03-05T00:00:00Z", { clv: 5_500, net: 16_500, customers: 3, immature: 0 }],
    [
      "as of Feb 10, R (acquired Feb 1) is not counted at 30 days",
      cohort,
      30,
      "2024-02-10T00:00:00Z",
      { clv: 7_000, net: 14_000, customers: 2, immature: 1 },
    ],
    [
      "JPY: (¥1,280 + ¥3,590) / 2 = ¥2,435",
      [
        { acquiredAt: "2024-05-01T00:00:00+09:00", orders: [{ at: "2024-05-01T00:00:00+09:00", netMinor: 1_280 }] },
        { acquiredAt: "2024-05-02T00:00:00+09:00", orders: [{ at: "2024-05-02T00:00:00+09:00", netMinor: 3_590 }] },
      ],
      30,
      undefined,
      { clv: 2_435, net: 4_870, customers: 2, immature: 0 },
    ],
    [
      "a half minor unit goes to the even neighbour (2.5 → 2)",
      [
        { acquiredAt: "2024-01-01T00:00:00Z", orders: [{ at: "2024-01-01T00:00:00Z", netMinor: 5 }] },
        { acquiredAt: "2024-01-01T00:00:00Z", orders: [] },
      ],
      30,
      undefined,
      { clv: 2, net: 5, customers: 2, immature: 0 },
    ],
    [
      "a cohort whose refunds exceed its sales has a negative CLV",
      [{ acquiredAt: "2024-01-01T00:00:00Z", orders: [{ at: "2024-01-01T00:00:00Z", netMinor: 1_000 }, { at: "2024-01-02T00:00:00Z", netMinor: -1_500 }] }],
      30,
      undefined,
      { clv: -500, net: -500, customers: 1, immature: 0 },
    ],
  ])("%s", (_label, list, days, asOf, e) => {
    expect(computeRealisedClv(list, days, asOf)).toEqual({
      clv: { kind: "value", value: e.clv },
      netMinor: e.net,
      customers: e.customers,
      immatureCustomers: e.immature,
    });
  });

  test.each([
    ["an empty cohort", [], undefined, "no_customers"],
    ["nobody observed for 90 days", cohort, "2024-03-05T00:00:00Z", "no_mature_customers"],
  ])("undefined for %s", (_label, list, asOf, reason) => {
    expect(computeRealisedClv(list, 90, asOf).clv).toEqual({ kind: "undefined", reason });
  });

  test.each([
    ["a float order amount", [{ acquiredAt: "2024-01-01T00:00:00Z", orders: [{ at: "2024-01-01T00:00:00Z", netMinor: 10.5 }] }]],
    ["an acquisition day instead of an instant", [{ acquiredAt: "2024-01-01", orders: [] }]],
  ])("refuses %s", (_label, list) => {
    expect(() => computeRealisedClv(list, 30)).toThrow(MetricsInputError);
  });
});
