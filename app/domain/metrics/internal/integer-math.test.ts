import { describe, expect, test } from "vitest";
import { MetricsInputError } from "../errors";
import { divRoundHalfEven, mulDivRoundHalfEven, roundHalfEven, sumIntegers } from "./integer-math";

describe("divRoundHalfEven rounds exact quotients half to even", () => {
  test.each([
    ["2.5 rounds down to the even 2", 5n, 2n, 2n],
    ["3.5 rounds up to the even 4", 7n, 2n, 4n],
    ["−2.5 rounds to −2, symmetric in sign", -5n, 2n, -2n],
    ["a third rounds down", 4n, 3n, 1n],
    ["two thirds round up", 5n, 3n, 2n],
    ["negative five thirds round to −2", -5n, 3n, -2n],
    ["a quarter rounds to zero", 1n, 4n, 0n],
    ["one half rounds to the even 0", 2n, 4n, 0n],
    ["1.5 rounds to 2", 3n, 2n, 2n],
    ["a negative divisor flips the sign (−3.5 → −4)", 7n, -2n, -4n],
    ["zero stays zero", 0n, 5n, 0n],
  ])("%s", (_label, n, d, expected) => {
    expect(divRoundHalfEven(n, d)).toBe(expected);
  });

  test("division by zero is a RangeError", () => {
    expect(() => divRoundHalfEven(1n, 0n)).toThrow(RangeError);
  });
});

describe("mulDivRoundHalfEven", () => {
  test.each([
    ["10% of 12,345.60 in cents", 1_234_560, 1_000, 10_000, 123_456],
    ["12.5% of ¥11,520", 11_520, 1_250, 10_000, 1_440],
    ["a product beyond 2^53 stays exact", 9_000_000_000_000, 10_000, 10_000, 9_000_000_000_000],
    ["2^53 − 1 × 99.99% = 9,006,298,534,815,516.9009, rounded up", Number.MAX_SAFE_INTEGER, 9_999, 10_000, 9_006_298_534_815_517],
  ])("%s", (_label, a, b, c, expected) => {
    expect(mulDivRoundHalfEven(a, b, c)).toBe(expected);
  });

  test("a result beyond the safe range is refused", () => {
    expect(() => mulDivRoundHalfEven(Number.MAX_SAFE_INTEGER, 2, 1)).toThrow(MetricsInputError);
  });
});

describe("roundHalfEven on floats", () => {
  test.each([
    ["2.5 → 2", 2.5, 2],
    ["3.5 → 4", 3.5, 4],
    ["−2.5 → −2", -2.5, -2],
    ["1000.5 → 1000", 1000.5, 1000],
    ["1000.51 → 1001", 1000.51, 1001],
    ["1000.333 → 1000", 1000.333, 1000],
    ["−0.4 → 0, never −0", -0.4, 0],
  ])("%s", (_label, x, expected) => {
    expect(Object.is(roundHalfEven(x), expected)).toBe(true);
  });

  test("NaN is refused", () => {
    expect(() => roundHalfEven(Number.NaN)).toThrow(RangeError);
  });
});

describe("sumIntegers", () => {
  test.each([
    ["an empty list sums to zero", [], 0],
    ["refunds can take the sum below zero", [500, -2_000], -1_500],
  ])("%s", (_label, values, expected) => {
    expect(sumIntegers("x", values)).toBe(expected);
  });

  test.each([
    ["a float amount", [1, 0.5]],
    ["an overflowing total", [Number.MAX_SAFE_INTEGER, 1]],
  ])("%s is refused", (_label, values) => {
    expect(() => sumIntegers("x", values)).toThrow(MetricsInputError);
  });
});
