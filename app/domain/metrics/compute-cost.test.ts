import { expect, test } from "vitest";
import { mulRate } from "~/domain/money";
import { computeCost, type CostInput } from "./compute-cost";
import { MetricsInputError } from "./errors";

const base: CostInput = { feesMinor: 0, commissionRateBps: 0, creditedNetMinor: 0, giftedCostMinor: 0, seedingShippingMinor: 0 };

test.each([
  [
    "hybrid: fee + 10% of 1,234.56 (123.456 → 123.46) + gift + shipping",
    { feesMinor: 50_000, commissionRateBps: 1_000, creditedNetMinor: 123_456, giftedCostMinor: 8_000, seedingShippingMinor: 1_200 },
    { feesMinor: 50_000, commissionMinor: 12_346, giftedMinor: 8_000, shippingMinor: 1_200, totalMinor: 71_546 },
  ],
  [
    "half a cent of commission goes to the even 0 (as mulRate)",
    { ...base, commissionRateBps: 1_000, creditedNetMinor: 5 },
    { feesMinor: 0, commissionMinor: 0, giftedMinor: 0, shippingMinor: 0, totalMinor: 0 },
  ],
  [
    "2.5 cents of commission go to the even 2",
    { ...base, commissionRateBps: 1_000, creditedNetMinor: 25 },
    { feesMinor: 0, commissionMinor: 2, giftedMinor: 0, shippingMinor: 0, totalMinor: 2 },
  ],
  [
    "3.5 cents of commission go to the even 4",
    { ...base, commissionRateBps: 1_000, creditedNetMinor: 35 },
    { feesMinor: 0, commissionMinor: 4, giftedMinor: 0, shippingMinor: 0, totalMinor: 4 },
  ],
  [
    "refunds beyond sales claw commission back (−1,234.5 → −1,234, symmetric half-even)",
    { ...base, feesMinor: 1_000, commissionRateBps: 1_000, creditedNetMinor: -12_345 },
    { feesMinor: 1_000, commissionMinor: -1_234, giftedMinor: 0, shippingMinor: 0, totalMinor: -234 },
  ],
  [
    "JPY: ¥30,000 fee + 12.5% of ¥11,520 + ¥4,500 gift + ¥800 shipping",
    { feesMinor: 30_000, commissionRateBps: 1_250, creditedNetMinor: 11_520, giftedCostMinor: 4_500, seedingShippingMinor: 800 },
    { feesMinor: 30_000, commissionMinor: 1_440, giftedMinor: 4_500, shippingMinor: 800, totalMinor: 36_740 },
  ],
  [
    "gifted-only collaboration: no commission whatever the sales",
    { ...base, creditedNetMinor: 99_999, giftedCostMinor: 2_500, seedingShippingMinor: 600 },
    { feesMinor: 0, commissionMinor: 0, giftedMinor: 2_500, shippingMinor: 600, totalMinor: 3_100 },
  ],
  [
    "100% commission",
    { ...base, commissionRateBps: 10_000, creditedNetMinor: 4_321 },
    { feesMinor: 0, commissionMinor: 4_321, giftedMinor: 0, shippingMinor: 0, totalMinor: 4_321 },
  ],
  ["nothing at all costs nothing", base, { feesMinor: 0, commissionMinor: 0, giftedMinor: 0, shippingMinor: 0, totalMinor: 0 }],
])("cost: %s", (_label, input, expected) => {
  expect(computeCost(input)).toEqual(expected);
});

test.each([
  ["a rate above 100%", { ...base, commissionRateBps: 10_001 }],
  ["a negative rate", { ...base, commissionRateBps: -1 }],
  ["a fractional basis point", { ...base, commissionRateBps: 12.5 }],
  ["a negative fee", { ...base, feesMinor: -1 }],
  ["a negative gift cost", { ...base, giftedCostMinor: -100 }],
  ["a float shipping cost", { ...base, seedingShippingMinor: 6.5 }],
  ["a float credited net", { ...base, creditedNetMinor: 0.1 }],
])("refuses %s", (_label, input) => {
  expect(() => computeCost(input)).toThrow(MetricsInputError);
});

test("commission rounds exactly like mulRate in ~/domain/money, ties and clawbacks included", () => {
  for (const creditedNetMinor of [-12_345, -25, -15, -5, 0, 5, 15, 25, 35, 123_456, 999_999_995]) {
    for (const commissionRateBps of [0, 1, 1_000, 1_250, 3_333, 5_000, 10_000]) {
      expect(computeCost({ ...base, commissionRateBps, creditedNetMinor }).commissionMinor).toBe(mulRate(creditedNetMinor, commissionRateBps));
    }
  }
});
