import { describe, expect, test } from "vitest";
import { InvalidMinorAmountError } from "./errors";
import { formatMinor } from "./format-minor";

// Intl separates the French amount from the symbol with narrow no-break spaces; normalize for readable tables.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("formatMinor", () => {
  test.each([
    ["US dollars in English", 41495, "USD", "en-US", "$414.95"],
    ["euros in French", 123456, "EUR", "fr-FR", "1 234,56 €"],
    ["yen has no decimals", 1500, "JPY", "en-US", "¥1,500"],
    ["Kuwaiti dinar shows three decimals", 1234, "KWD", "en-US", "KWD 1.234"],
    ["Iraqi dinar keeps its ISO precision though CLDR shows none", 1234, "IQD", "en-US", "IQD 1.234"],
    ["negative refund", -585, "USD", "en-US", "-$5.85"],
    ["zero", 0, "USD", "en-US", "$0.00"],
    ["an amount beyond float precision in major units is exact", 9007199254740991, "USD", "en-US", "$90,071,992,547,409.91"],
  ])("%s", (_label, minor, currency, locale, expected) => {
    expect(plain(formatMinor(minor, currency, locale))).toBe(expected);
  });

  test("rejects fractional minor units", () => {
    expect(() => formatMinor(1.5, "USD", "en-US")).toThrow(InvalidMinorAmountError);
  });
});
