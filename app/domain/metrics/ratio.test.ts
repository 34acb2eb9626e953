import { describe, expect, test } from "vitest";
import { MetricsInputError } from "./errors";
import { definedRatio, minorRatioOf, ratioOf, ratioValueOrNull, undefinedRatio } from "./ratio";

describe("ratioOf", () => {
  test.each([
    ["a plain ratio", 3, 4, { kind: "value", value: 0.75 }],
    ["a negative numerator", -3, 4, { kind: "value", value: -0.75 }],
    ["zero over something is a real zero", 0, 4, { kind: "value", value: 0 }],
    ["a zero denominator is a reason, not Infinity", 3, 0, { kind: "undefined", reason: "no_orders" }],
    ["zero over zero is a reason, not NaN", 0, 0, { kind: "undefined", reason: "no_orders" }],
  ])("%s", (_label, n, d, expected) => {
    expect(ratioOf(n, d, "no_orders")).toEqual(expected);
  });

  test.each([
    ["NaN numerator", Number.NaN, 1],
    ["infinite denominator", 1, Number.POSITIVE_INFINITY],
  ])("%s is refused", (_label, n, d) => {
    expect(() => ratioOf(n, d, "no_orders")).toThrow(MetricsInputError);
  });
});

describe("minorRatioOf rounds money per unit to whole minor units", () => {
  test.each([
    ["100.00 over 3 → 33.33", 10_000, 3, { kind: "value", value: 3_333 }],
    ["a half cent goes to the even cent (5,000.5 → 5,000)", 10_001, 2, { kind: "value", value: 5_000 }],
    ["a half cent goes to the even cent (5,001.5 → 5,002)", 10_003, 2, { kind: "value", value: 5_002 }],
    ["a negative half rounds symmetrically (−2.5 → −2)", -5, 2, { kind: "value", value: -2 }],
    ["zero denominator", 10_000, 0, { kind: "undefined", reason: "no_customers" }],
  ])("%s", (_label, n, d, expected) => {
    expect(minorRatioOf(n, d, "no_customers")).toEqual(expected);
  });

  test("a float amount is refused", () => {
    expect(() => minorRatioOf(10.5, 2, "no_customers")).toThrow(MetricsInputError);
  });
});

describe("helpers", () => {
  test("definedRatio refuses Infinity", () => {
    expect(() => definedRatio(Number.POSITIVE_INFINITY)).toThrow(MetricsInputError);
  });
  test("definedRatio never returns −0", () => {
    expect(Object.is(ratioValueOrNull(definedRatio(-0)), 0)).toBe(true);
  });
  test.each([
    ["a value", definedRatio(1.5), 1.5],
    ["an undefined ratio", undefinedRatio("no_cost"), null],
  ])("ratioValueOrNull of %s", (_label, r, expected) => {
    expect(ratioValueOrNull(r)).toBe(expected);
  });
});
