import { expect, test } from "vitest";
import { computeNetSales } from "./compute-net-sales";
import { MetricsInputError } from "./errors";

test.each([
  ["a day with a discount", { grossMinor: 10_000, discountsMinor: 1_500, refundsMinor: 0 }, 8_500],
  ["discounts and refunds together", { grossMinor: 41_495, discountsMinor: 4_150, refundsMinor: 10_000 }, 27_345],
  ["refunds larger than the day's sales make net negative", { grossMinor: 2_000, discountsMinor: 0, refundsMinor: 5_000 }, -3_000],
  ["a day with only a refund", { grossMinor: 0, discountsMinor: 0, refundsMinor: 1_999 }, -1_999],
  ["a JPY day (zero decimals: ¥12,800 − ¥1,280)", { grossMinor: 12_800, discountsMinor: 1_280, refundsMinor: 0 }, 11_520],
  ["an empty day", { grossMinor: 0, discountsMinor: 0, refundsMinor: 0 }, 0],
])("net sales: %s", (_label, amounts, expected) => {
  expect(computeNetSales(amounts)).toBe(expected);
});

test.each([
  ["a discount passed as a negative number", { grossMinor: 10_000, discountsMinor: -1_500, refundsMinor: 0 }],
  ["a refund passed as a negative number", { grossMinor: 10_000, discountsMinor: 0, refundsMinor: -1 }],
  ["a decimal amount instead of minor units", { grossMinor: 100.5, discountsMinor: 0, refundsMinor: 0 }],
  ["NaN", { grossMinor: Number.NaN, discountsMinor: 0, refundsMinor: 0 }],
])("refuses %s", (_label, amounts) => {
  expect(() => computeNetSales(amounts)).toThrow(MetricsInputError);
});
