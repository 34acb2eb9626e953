import { describe, expect, test } from "vitest";
import { InvalidMinorAmountError } from "./errors";
import { minorToDecimal } from "./minor-to-decimal";
import { parseDecimalToMinor } from "./parse-decimal-to-minor";

describe("minorToDecimal", () => {
  test.each([
    ["cents", 41495, "USD", "414.95"],
    ["less than one unit", 5, "USD", "0.05"],
    ["zero", 0, "USD", "0.00"],
    ["negative", -585, "USD", "-5.85"],
    ["negative below one unit", -1, "USD", "-0.01"],
    ["yen has no point", 1500, "JPY", "1500"],
    ["fils", 1234, "KWD", "1.234"],
    ["a single fils", 1, "KWD", "0.001"],
    ["largest safe amount", 9007199254740991, "USD", "90071992547409.91"],
  ])("%s: %i %s → %s", (_label, minor, currency, expected) => {
    expect(minorToDecimal(minor, currency)).toBe(expected);
  });

  test.each([
    [0, "USD"], [1, "USD"], [-99, "USD"], [123456789, "JPY"], [-4, "KWD"], [100000, "KWD"],
  ])("round-trips through parseDecimalToMinor: %i %s", (minor, currency) => {
    expect(parseDecimalToMinor(minorToDecimal(minor, currency), currency)).toBe(minor);
  });

  test.each([["fractional", 1.5], ["NaN", Number.NaN], ["unsafe", 2 ** 53]])("rejects a %s minor amount", (_l, minor) => {
    expect(() => minorToDecimal(minor, "USD")).toThrow(InvalidMinorAmountError);
  });
});
