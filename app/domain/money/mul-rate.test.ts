import { describe, expect, test } from "vitest";
import { InvalidAllocationError, InvalidMinorAmountError } from "./errors";
import { mulRate } from "./mul-rate";

describe("mulRate (half-even)", () => {
  test.each([
    ["10% of $100.00", 10000, 1000, 1000],
    ["12.5% of $19.99 = 249.875 cents rounds up", 1999, 1250, 250],
    ["15% of 5 cents = 0.75 rounds up", 5, 1500, 1],
    ["15% of 3 cents = 0.45 rounds down", 3, 1500, 0],
    ["exact half rounds to even (down): 50% of 5 = 2.5", 5, 5000, 2],
    ["exact half rounds to even (up): 50% of 7 = 3.5", 7, 5000, 4],
    ["exact half 0.5 rounds to zero", 1, 5000, 0],
    ["exact half 1.5 rounds to 2", 3, 5000, 2],
    ["negative exact half rounds to even: -2.5 → -2", -5, 5000, -2],
    ["negative exact half rounds to even: -3.5 → -4", -7, 5000, -4],
    ["negative above half rounds away: -0.75 → -1", -5, 1500, -1],
    ["zero rate", 41495, 0, 0],
    ["zero amount", 0, 1250, 0],
    ["100% is identity", 41495, 10000, 41495],
    ["rates above 100% are allowed", 100, 25000, 250],
    ["a negative rate mirrors a positive one", 1999, -1250, -250],
    ["one basis point of a yen amount", 12345, 1, 1],
  ])("%s", (_label, minor, bp, expected) => {
    const result = mulRate(minor, bp);
    expect(result).toBe(expected);
    expect(Object.is(result, -0)).toBe(false);
  });

  test.each([
    ["a fractional rate", 100, 12.5, InvalidAllocationError],
    ["a NaN rate", 100, Number.NaN, InvalidAllocationError],
    ["a fractional amount", 10.5, 100, InvalidMinorAmountError],
    ["a result beyond the safe range", Number.MAX_SAFE_INTEGER, 20000, InvalidMinorAmountError],
  ])("rejects %s", (_label, minor, bp, error) => {
    expect(() => mulRate(minor, bp)).toThrow(error);
  });
});
