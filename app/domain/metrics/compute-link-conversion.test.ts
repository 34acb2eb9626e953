import { expect, test } from "vitest";
import { computeLinkConversion } from "./compute-link-conversion";
import { MetricsInputError } from "./errors";

test.each([
  ["12 link orders from 300 clicks", { linkOrders: 12, codeOrders: 5, clicks: 300 }, { kind: "value", value: 0.04 }],
  ["code orders do not enter the rate", { linkOrders: 0, codeOrders: 40, clicks: 100 }, { kind: "value", value: 0 }],
  ["no clicks is undefined even with code orders", { linkOrders: 0, codeOrders: 3, clicks: 0 }, { kind: "undefined", reason: "no_clicks" }],
  ["UTM orders without logged clicks can exceed 100%", { linkOrders: 5, codeOrders: 0, clicks: 2 }, { kind: "value", value: 2.5 }],
])("link conversion: %s", (_label, input, expectedRate) => {
  const result = computeLinkConversion(input);
  expect(result.rate).toEqual(expectedRate);
  expect(result).toMatchObject(input);
});

test.each([
  ["negative clicks", { linkOrders: 1, codeOrders: 0, clicks: -1 }],
  ["fractional orders", { linkOrders: 0.5, codeOrders: 0, clicks: 10 }],
])("refuses %s", (_label, input) => {
  expect(() => computeLinkConversion(input)).toThrow(MetricsInputError);
});
