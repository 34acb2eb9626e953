import { describe, expect, test } from "vitest";
import { currencyExponent } from "./currency-exponent";
import { InvalidCurrencyError } from "./errors";

describe("currencyExponent", () => {
  test.each([
    ["US dollar has cents", "USD", 2],
    ["euro has cents", "EUR", 2],
    ["yen has no minor unit", "JPY", 0],
    ["won has no minor unit", "KRW", 0],
    ["dong has no minor unit", "VND", 0],
    ["Chilean peso has no minor unit", "CLP", 0],
    ["Icelandic krona has no minor unit", "ISK", 0],
    ["West African CFA franc has no minor unit", "XOF", 0],
    ["Central African CFA franc has no minor unit", "XAF", 0],
    ["CFP franc has no minor unit", "XPF", 0],
    ["Kuwaiti dinar has fils (3 decimals)", "KWD", 3],
    ["Bahraini dinar has 3 decimals", "BHD", 3],
    ["Omani rial has 3 decimals", "OMR", 3],
    ["Jordanian dinar has 3 decimals", "JOD", 3],
    ["Tunisian dinar has 3 decimals", "TND", 3],
    ["Iraqi dinar has 3 decimals", "IQD", 3],
    ["Libyan dinar has 3 decimals", "LYD", 3],
    ["Chilean unit of account has 4 decimals", "CLF", 4],
    ["an unknown but well-formed code defaults to 2", "ZZZ", 2],
  ])("%s (%s → %i)", (_label, currency, expected) => {
    expect(currencyExponent(currency)).toBe(expected);
  });

  test.each([
    ["lower-case code is not silently upper-cased", "usd"],
    ["two letters", "US"],
    ["four letters", "USDT"],
    ["empty", ""],
    ["digits", "840"],
    ["surrounding space", " USD"],
  ])("rejects %s", (_label, currency) => {
    expect(() => currencyExponent(currency)).toThrow(InvalidCurrencyError);
  });
});
