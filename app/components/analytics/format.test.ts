import { describe, expect, test } from "vitest";
import { formatChange, formatCount, formatDay, formatFigure, formatRatio, reasonKey } from "./format";

// Intl uses narrow no-break spaces in French; compare with plain spaces.
const plain = (s: string | null) => s?.replace(/[\u202f\u00a0]/g, " ") ?? null;

describe("analytics formats", () => {
  test.each([
    ["money in euros, French", 123_456, "money", "EUR", "fr", "1 234,56 €"],
    ["money in yen has no decimals", 1_500, "money", "JPY", "en", "¥1,500"],
    ["a negative amount", -2_050, "money", "USD", "en", "-$20.50"],
    ["a fractional order count", 1.5, "count", "USD", "en", "1.5"],
    ["a ROAS multiple", 2.3456, "multiple", "USD", "en", "2.35×"],
    ["an ROI percentage", 0.1234, "percent", "USD", "en", "12.3%"],
    ["an ROI percentage in French", -0.5, "percent", "EUR", "fr", "-50,0 %"],
  ] as const)("%s", (_label, value, format, currency, locale, expected) => {
    expect(plain(formatFigure(value, format, currency, locale))).toBe(expected);
  });

  test("an undefined ratio has no text but a reason", () => {
    expect(formatRatio({ kind: "undefined", reason: "no_cost" }, "multiple", "USD", "en")).toBeNull();
    expect(reasonKey({ kind: "undefined", reason: "no_cost" })).toBe("analytics.reasons.no_cost");
    expect(reasonKey({ kind: "value", value: 1 })).toBeNull();
  });

  test.each([
    [0.125, "+12.5%"],
    [-0.03, "-3.0%"],
    [0, "0.0%"],
  ])("change %d reads %s", (value, expected) => {
    expect(formatChange(value, "en")).toBe(expected);
  });

  test("counts and days", () => {
    expect(formatCount(12345, "en")).toBe("12,345");
    expect(formatDay("2024-03-03", "en")).toBe("Mar 3");
    expect(formatDay("2024-03-03", "fr")).toBe("3 mars");
  });
});
