import { describe, expect, test } from "vitest";
import { CurrencyMismatchError, InvalidCurrencyError, InvalidMinorAmountError } from "./errors";
import { addMoney, money, subMoney, sumMoney } from "./money";

describe("money arithmetic", () => {
  test.each([
    ["adds cents", money(1000, "USD"), money(250, "USD"), 1250],
    ["adds a negative amount", money(1000, "USD"), money(-250, "USD"), 750],
    ["adds yen", money(1500, "JPY"), money(1, "JPY"), 1501],
  ])("addMoney %s", (_label, a, b, expected) => {
    expect(addMoney(a, b)).toEqual({ amountMinor: expected, currency: a.currency });
  });

  test.each([
    ["subtracts cents", money(1000, "USD"), money(250, "USD"), 750],
    ["goes negative", money(100, "USD"), money(250, "USD"), -150],
    ["reaches zero without -0", money(0, "USD"), money(0, "USD"), 0],
  ])("subMoney %s", (_label, a, b, expected) => {
    const result = subMoney(a, b);
    expect(result).toEqual({ amountMinor: expected, currency: "USD" });
    expect(Object.is(result.amountMinor, -0)).toBe(false);
  });

  test.each([
    ["add", () => addMoney(money(1, "USD"), money(1, "EUR"))],
    ["subtract", () => subMoney(money(1, "USD"), money(1, "CAD"))],
    ["sum", () => sumMoney([money(1, "USD"), money(1, "JPY")], "USD")],
    ["sum into another currency", () => sumMoney([money(1, "USD")], "EUR")],
  ])("refuses to %s mixed currencies", (_label, run) => {
    expect(run).toThrow(CurrencyMismatchError);
  });

  test.each([
    ["empty list is zero", [], 0],
    ["one amount", [money(5, "USD")], 5],
    ["several amounts", [money(5, "USD"), money(10, "USD"), money(-3, "USD")], 12],
  ])("sumMoney: %s", (_label, amounts, expected) => {
    expect(sumMoney(amounts, "USD")).toEqual({ amountMinor: expected, currency: "USD" });
  });

  test.each([
    ["a fractional amount", () => money(1.5, "USD"), InvalidMinorAmountError],
    ["an unsafe integer", () => money(2 ** 53, "USD"), InvalidMinorAmountError],
    ["a sum leaving the safe range", () => addMoney(money(Number.MAX_SAFE_INTEGER, "USD"), money(1, "USD")), InvalidMinorAmountError],
    ["a lower-case currency", () => money(1, "usd"), InvalidCurrencyError],
  ])("rejects %s", (_label, run, error) => {
    expect(run).toThrow(error);
  });
});
