import { describe, expect, test } from "vitest";
import { InvalidAmountError, InvalidCurrencyError } from "./errors";
import { parseDecimalToMinor } from "./parse-decimal-to-minor";

describe("parseDecimalToMinor", () => {
  test.each([
    ["Shopify's sample line total", "414.95", "USD", 41495],
    ["zero as Shopify sends it", "0.00", "USD", 0],
    ["whole amount without decimals", "20", "USD", 2000],
    ["one decimal is padded", "19.9", "USD", 1990],
    ["a single cent", "0.01", "USD", 1],
    ["negative adjustment", "-5.85", "ILS", -585],
    ["negative zero is plain zero", "-0.00", "USD", 0],
    ["unsettled amount sent as 0.0", "0.0", "XXX", 0],
    ["leading zeros are harmless", "007.50", "USD", 750],
    ["floating-point trap 0.29 stays exact", "0.29", "USD", 29],
    ["floating-point trap 1.005 stays exact", "1.005", "KWD", 1005],
    ["JPY with Shopify's trailing .00", "100.00", "JPY", 100],
    ["JPY without decimals", "1500", "JPY", 1500],
    ["KRW with trailing zeros", "35000.0", "KRW", 35000],
    ["KWD uses three decimals", "1.234", "KWD", 1234],
    ["KWD with two decimals is padded", "12.5", "KWD", 12500],
    ["KWD with a trailing zero beyond three", "1.2340", "KWD", 1234],
    ["USD with trailing zeros beyond two", "9.990000", "USD", 999],
    ["largest safe amount", "90071992547409.91", "USD", 9007199254740991],
  ])("%s: %s %s → %i", (_label, amount, currency, expected) => {
    expect(parseDecimalToMinor(amount, currency)).toBe(expected);
  });

  test("negative zero is not -0", () => {
    expect(Object.is(parseDecimalToMinor("-0.00", "USD"), 0)).toBe(true);
  });

  test.each([
    ["a fraction of a yen", "100.5", "JPY"],
    ["a fraction of a cent", "0.001", "USD"],
    ["a fraction of a fils", "1.2345", "KWD"],
    ["a non-zero digit after zeros", "1.0001", "USD"],
    ["empty string", "", "USD"],
    ["comma decimal separator", "4,95", "USD"],
    ["thousands separator", "1,000.00", "USD"],
    ["leading plus", "+1.00", "USD"],
    ["missing integer part", ".50", "USD"],
    ["dangling point", "5.", "USD"],
    ["exponent notation", "1e3", "USD"],
    ["surrounding whitespace", " 1.00", "USD"],
    ["currency symbol", "$1.00", "USD"],
    ["NaN text", "NaN", "USD"],
    ["two points", "1.2.3", "USD"],
    ["beyond the safe integer range", "90071992547409.92", "USD"],
  ])("rejects %s (%s %s)", (_label, amount, currency) => {
    expect(() => parseDecimalToMinor(amount, currency)).toThrow(InvalidAmountError);
  });

  test("rejects a non-string amount at run time", () => {
    expect(() => parseDecimalToMinor(1.5 as unknown as string, "USD")).toThrow(InvalidAmountError);
  });

  test("rejects an invalid currency before reading the amount", () => {
    expect(() => parseDecimalToMinor("1.00", "usd")).toThrow(InvalidCurrencyError);
  });

  test("the error message names the currency's precision", () => {
    expect(() => parseDecimalToMinor("100.5", "JPY")).toThrow(/more than 0 significant decimal\(s\) for JPY/);
  });
});
