import { describe, expect, test } from "vitest";
import { parseMoneyInput } from "./parse-money-input";

describe("parseMoneyInput", () => {
  test.each([
    ["whole euros", "1500", "EUR", 150_000],
    ["euros and cents", "1500.50", "EUR", 150_050],
    ["one decimal", "12.5", "EUR", 1_250],
    ["French decimal comma", "1500,50", "EUR", 150_050],
    ["spaces around", "  20 ", "USD", 2_000],
    ["zero", "0", "USD", 0],
    ["yen has no minor unit", "1500", "JPY", 1_500],
    ["yen padded with zeros", "1500.00", "JPY", 1_500],
    ["dinar has three decimals", "1.234", "KWD", 1_234],
  ])("%s: %j %s → %i", (_label, raw, currency, minor) => {
    expect(parseMoneyInput(raw, currency)).toEqual({ ok: true, minor });
  });

  test.each([
    ["negative amount", "-5", "EUR", "negative"],
    ["letters", "abc", "EUR", "invalid"],
    ["empty", "", "EUR", "invalid"],
    ["thousands separator", "1,500.00", "EUR", "invalid"],
    ["two commas", "1,500,00", "EUR", "invalid"],
    ["space as thousands separator", "1 500", "EUR", "invalid"],
    ["currency symbol", "€15", "EUR", "invalid"],
    ["exponent notation", "1e3", "EUR", "invalid"],
    ["fraction of a cent", "10.005", "EUR", "too_precise"],
    ["fraction of a yen", "10.5", "JPY", "too_precise"],
    ["beyond the safe integer range", "99999999999999999", "EUR", "invalid"],
  ])("%s: %j is refused (%s)", (_label, raw, currency, error) => {
    expect(parseMoneyInput(raw, currency)).toEqual({ ok: false, error });
  });
});
