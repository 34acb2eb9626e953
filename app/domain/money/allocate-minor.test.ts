import { describe, expect, test } from "vitest";
import { allocateMinor } from "./allocate-minor";
import { InvalidAllocationError, InvalidMinorAmountError } from "./errors";

describe("allocateMinor", () => {
  test.each([
    ["one part takes everything", 1000, [1], [1000]],
    ["even split", 1000, [1, 1], [500, 500]],
    ["a cent that cannot split evenly goes to the first tie", 1001, [1, 1], [501, 500]],
    ["thirds: the leftover cent goes to the earliest tie", 100, [1, 1, 1], [34, 33, 33]],
    ["thirds of two cents", 2, [1, 1, 1], [1, 1, 0]],
    ["40/20/40 of 999: floors 399/199/399, leftover to the larger remainder .8 then the earlier .6 tie", 999, [0.4, 0.2, 0.4], [400, 200, 399]],
    ["40/20/40 position weights as integers give the same split", 999, [40, 20, 40], [400, 200, 399]],
    ["0.1 + 0.2 + 0.7 is read as the decimals it prints", 10, [0.1, 0.2, 0.7], [1, 2, 7]],
    ["largest remainder wins the leftover, not the first", 10, [0.33, 0.67], [3, 7]],
    ["parts per million", 41495, [333334, 333333, 333333], [13832, 13832, 13831]],
    ["a zero weight gets nothing", 100, [0, 1, 1], [0, 50, 50]],
    ["a zero weight never receives a leftover unit", 101, [1, 0, 1], [51, 0, 50]],
    ["zero total", 0, [1, 2], [0, 0]],
    ["negative total mirrors the positive split", -1001, [1, 1], [-501, -500]],
    ["negative thirds", -100, [1, 1, 1], [-34, -33, -33]],
    ["tiny exponent weights", 10, [1e-7, 3e-7], [3, 7]],
    ["huge weights", 10, [1e21, 1e21], [5, 5]],
    ["largest safe total", Number.MAX_SAFE_INTEGER, [1, 1], [4503599627370496, 4503599627370495]],
  ])("%s", (_label, total, weights, expected) => {
    const parts = allocateMinor(total, weights);
    expect(parts).toEqual(expected);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
    expect(parts.some((p) => Object.is(p, -0))).toBe(false);
  });

  test.each([
    ["an empty weight list", 100, []],
    ["weights that are all zero", 100, [0, 0]],
    ["a negative weight", 100, [1, -1]],
    ["an infinite weight", 100, [1, Number.POSITIVE_INFINITY]],
    ["a NaN weight", 100, [Number.NaN]],
  ])("rejects %s", (_label, total, weights) => {
    expect(() => allocateMinor(total, weights)).toThrow(InvalidAllocationError);
  });

  test("rejects a fractional total", () => {
    expect(() => allocateMinor(10.5, [1])).toThrow(InvalidMinorAmountError);
  });

  test("parts always sum to the total over many totals and weight sets", () => {
    const weightSets = [[1, 2, 3], [0.4, 0.2, 0.4], [333334, 333333, 333333], [7, 0, 13, 1], [0.125, 0.875]];
    for (const weights of weightSets) {
      for (let total = -250; total <= 250; total += 7) {
        expect(allocateMinor(total, weights).reduce((a, b) => a + b, 0)).toBe(total);
      }
    }
  });
});
