import { describe, expect, test } from "vitest";
import { priceLineItems, unitCostToMinor } from "./unit-cost-minor";

describe("unitCostToMinor", () => {
  test.each([
    ["12.50", "USD", 1250],
    ["12.5", "USD", 1250],
    ["12", "USD", 1200],
    ["0.00", "USD", 0],
    ["0.125", "USD", 13],
    ["0.124", "USD", 12],
    ["9.995", "USD", 1000],
    ["1500.00", "JPY", 1500],
    ["1500.5", "JPY", 1501],
    ["1500.49", "JPY", 1500],
    ["3.1415", "KWD", 3142],
    [" 7.20 ", "EUR", 720],
  ])("%s %s → %i", (amount, currency, expected) => {
    expect(unitCostToMinor(amount, currency)).toBe(expected);
  });

  test.each([["-1.00"], ["abc"], [""], ["1,50"], ["1e3"]])("refuses %j", (amount) => {
    expect(() => unitCostToMinor(amount, "USD")).toThrow(/unit cost/);
  });

  test("an unknown currency is refused", () => {
    expect(() => unitCostToMinor("1.00", "XXXX")).toThrow();
  });
});

describe("priceLineItems", () => {
  const costs = new Map<string, number | null>([
    ["gid://shopify/ProductVariant/1", 800],
    ["gid://shopify/ProductVariant/2", null],
    ["gid://shopify/ProductVariant/3", 0],
  ]);
  const line = (variantId: string | null, unitCostMinor?: number | null) => ({ variantId, quantity: 1, unitCostMinor });

  test.each([
    ["a variant with a cost gets it", line("gid://shopify/ProductVariant/1"), 800],
    ["a variant without a cost entered stays unpriced", line("gid://shopify/ProductVariant/2"), undefined],
    ["a zero cost is a cost", line("gid://shopify/ProductVariant/3"), 0],
    ["an unknown variant stays unpriced", line("gid://shopify/ProductVariant/9"), undefined],
    ["a line without a variant (custom item) stays unpriced", line(null), undefined],
    ["a cost the line states itself wins", line("gid://shopify/ProductVariant/1", 500), 500],
    ["a null cost on the line is filled from the variant", line("gid://shopify/ProductVariant/1", null), 800],
  ])("%s", (_label, input, expected) => {
    expect(priceLineItems([input], costs)[0]!.unitCostMinor ?? undefined).toBe(expected);
  });

  test("keeps the other fields and the order of lines, and does not change its input", () => {
    const lines = [line("gid://shopify/ProductVariant/9"), line("gid://shopify/ProductVariant/1")];
    const priced = priceLineItems(lines, costs);
    expect(priced.map((l) => [l.variantId, l.quantity, l.unitCostMinor])).toEqual([
      ["gid://shopify/ProductVariant/9", 1, undefined],
      ["gid://shopify/ProductVariant/1", 1, 800],
    ]);
    expect(lines[1]!.unitCostMinor).toBeUndefined();
  });
});
