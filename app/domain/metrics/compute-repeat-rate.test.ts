import { describe, expect, test } from "vitest";
import { computeRepeatRate, type AcquiredCustomerOrders } from "./compute-repeat-rate";
import { MetricsInputError } from "./errors";

const jan1 = "2024-01-01T10:00:00Z";
const jan5 = "2024-01-05T00:00:00Z";
const customers: AcquiredCustomerOrders[] = [
  // A: second order 19 days later
  { acquiredAt: jan1, orderTimes: [jan1, "2024-01-20T00:00:00Z"] },
  // B: second order exactly 30 × 24 h later: within 30 days (inclusive)
  { acquiredAt: jan1, orderTimes: [jan1, "2024-01-31T10:00:00Z"] },
  // C: one millisecond past 30 days
  { acquiredAt: jan1, orderTimes: [jan1, "2024-01-31T10:00:00.001Z"] },
  // D: never came back
  { acquiredAt: jan5, orderTimes: [jan5] },
  // E: an order before acquisition is not a repeat
  { acquiredAt: new Date(jan5), orderTimes: [new Date("2023-12-01T00:00:00Z"), new Date(jan5)] },
];

describe("computeRepeatRate", () => {
  test.each([
    ["30 days: A and B repeat, C is 1 ms late", customers, 30, undefined, { rate: 0.4, repeat: 2, eligible: 5, immature: 0 }],
    ["90 days: C now counts", customers, 90, undefined, { rate: 0.6, repeat: 3, eligible: 5, immature: 0 }],
    [
      "as of Feb 1, customers acquired Jan 5 have not had 30 days yet and leave the denominator",
      customers,
      30,
      "2024-02-01T00:00:00Z",
      { rate: 2 / 3, repeat: 2, eligible: 3, immature: 2 },
    ],
    [
      "a customer is mature the instant their horizon ends",
      customers,
      30,
      "2024-01-31T10:00:00Z",
      { rate: 2 / 3, repeat: 2, eligible: 3, immature: 2 },
    ],
    [
      "the acquiring order listed alone is not a repeat",
      [{ acquiredAt: jan1, orderTimes: [jan1] }],
      365,
      undefined,
      { rate: 0, repeat: 0, eligible: 1, immature: 0 },
    ],
  ])("%s", (_label, list, days, asOf, e) => {
    const result = computeRepeatRate(list, days, asOf);
    expect(result).toEqual({
      rate: { kind: "value", value: e.rate },
      repeatCustomers: e.repeat,
      eligibleCustomers: e.eligible,
      immatureCustomers: e.immature,
    });
  });

  test.each([
    ["no customers", [], undefined, "no_customers", 0],
    ["nobody observed for 30 days yet", customers, "2024-01-10T00:00:00Z", "no_mature_customers", 5],
  ])("undefined with %s", (_label, list, asOf, reason, immature) => {
    const result = computeRepeatRate(list, 30, asOf);
    expect(result.rate).toEqual({ kind: "undefined", reason });
    expect(result.immatureCustomers).toBe(immature);
  });

  test.each([
    ["a zero horizon", customers, 0, undefined],
    ["a fractional horizon", customers, 1.5, undefined],
    ["an order time without a zone", [{ acquiredAt: jan1, orderTimes: ["2024-01-02T00:00:00"] }], 30, undefined],
    ["a bad asOf", customers, 30, "2024-02-01"],
  ])("refuses %s", (_label, list, days, asOf) => {
    expect(() => computeRepeatRate(list, days, asOf)).toThrow(MetricsInputError);
  });
});
