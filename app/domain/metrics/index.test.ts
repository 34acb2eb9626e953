import { expect, test } from "vitest";
import * as metrics from "~/domain/metrics";

test("the public API is reachable through ~/domain/metrics", () => {
  expect(Object.keys(metrics).sort()).toEqual(
    [
      "CLV_HORIZONS",
      "DEFAULT_BASELINE_MAX_WEEKS",
      "DEFAULT_MAX_HALF_WIDTH_TO_FORECAST",
      "MIN_BASELINE_WEEKS",
      "MetricsInputError",
      "bgnbdCustomerLogLikelihood",
      "bgnbdLogLikelihood",
      "bgnbdProbabilityAlive",
      "clvCurve",
      "cohortTable",
      "computeAov",
      "computeCac",
      "computeCost",
      "computeCostPerClick",
      "computeGrossProfit",
      "computeLinkConversion",
      "computeNetSales",
      "computeRealisedClv",
      "computeRepeatRate",
      "computeRoas",
      "computeRoi",
      "definedRatio",
      "fitBgnbd",
      "forecastBaseline",
      "incrementalSales",
      "kpiDelta",
      "minorRatioOf",
      "ratioDelta",
      "ratioOf",
      "ratioValueOrNull",
      "summarizeKpis",
      "undefinedRatio",
    ].sort(),
  );
});

test("an end-to-end creator card: JPY hybrid collaboration", () => {
  const net = metrics.computeNetSales({ grossMinor: 12_800, discountsMinor: 1_280, refundsMinor: 0 });
  const cost = metrics.computeCost({ feesMinor: 30_000, commissionRateBps: 1_250, creditedNetMinor: net, giftedCostMinor: 4_500, seedingShippingMinor: 800 });
  const profit = metrics.computeGrossProfit({ netMinor: net, defaultMarginBps: 3_500 });
  expect([net, cost.totalMinor, profit.grossProfitMinor]).toEqual([11_520, 36_740, 4_032]);
  expect(metrics.computeRoi({ grossProfitMinor: profit.grossProfitMinor, costMinor: cost.totalMinor })).toEqual({
    kind: "value",
    value: (4_032 - 36_740) / 36_740,
  });
});
