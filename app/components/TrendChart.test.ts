import { describe, expect, test } from "vitest";
import { comboDayMarks, formatterOf, trendChartSpec, trendTableRows, type TrendSeries } from "./trend-chart-spec";

const euros: TrendSeries = { label: "Net sales", values: [], format: (minor) => `€${(minor / 100).toFixed(2)}` };
const money = (values: number[], extra: Partial<TrendSeries> = {}): TrendSeries => ({ ...euros, values, ...extra });
const orders = (values: number[]): TrendSeries => ({ label: "Orders", values, format: (n) => `${n} orders` });

describe("trendChartSpec", () => {
  test.each([
    { case: "one series alone is a line chart (its day labels thin out on long periods)", line: undefined, kind: "line" },
    { case: "orders against money: a combo chart, each on its own axis", line: orders([1, 2]), kind: "combo" },
    { case: "forecast against actual (same unit): lines on one shared axis", line: money([1, 2], { label: "Forecast", sameScale: true }), kind: "line" },
  ])("$case", ({ line, kind }) => {
    expect(trendChartSpec(["a", "b"], money([100, 50]), line).kind).toBe(kind);
  });

  test("every day is a point keyed by its label; a negative day (refunds) stays negative, a missing one is zero", () => {
    const spec = trendChartSpec(["1 Mar", "2 Mar", "3 Mar"], money([100, -50]));
    if (spec.kind !== "line") throw new Error("expected a line chart");
    expect(spec.series).toEqual([
      { name: "Net sales", data: [{ key: "1 Mar", value: 100 }, { key: "2 Mar", value: -50 }, { key: "3 Mar", value: 0 }] },
    ]);
    expect(spec.yAxis.labelFormatter(-5000)).toBe("€-50.00");
  });

  test("a line with its own scale: the bars' axis formats money, the line's axis formats its own unit", () => {
    const spec = trendChartSpec(["a", "b"], money([1000, 2000]), orders([3, 4]));
    if (spec.kind !== "combo") throw new Error("expected a combo chart");
    const [barGroup, lineGroup] = spec.groups;
    expect(barGroup?.shape).toBe("Bar");
    expect(barGroup?.series[0]?.data.map((p) => p.value)).toEqual([1000, 2000]);
    expect(barGroup?.yAxisOptions?.labelFormatter?.(1000)).toBe("€10.00");
    expect(lineGroup?.shape).toBe("Line");
    expect(lineGroup?.series[0]?.data.map((p) => p.value)).toEqual([3, 4]);
    expect(lineGroup?.yAxisOptions?.labelFormatter?.("4")).toBe("4 orders");
  });

  test("a line in the bars' unit shares their axis and is dashed, its figures untouched", () => {
    const spec = trendChartSpec(["a", "b"], money([100, 50], { label: "Actual" }), money([200, 50], { label: "Forecast", sameScale: true }));
    if (spec.kind !== "line") throw new Error("expected a line chart");
    expect(spec.series.map((s) => s.name)).toEqual(["Actual", "Forecast"]);
    expect(spec.series[1]?.data.map((p) => p.value)).toEqual([200, 50]);
    expect(spec.series[1]?.styleOverride?.line?.strokeDasharray).toBeTruthy();
    expect(spec.series[0]?.styleOverride).toBeUndefined();
    expect(spec.tooltipValue(200)).toBe("€2.00");
  });

  test("no days, no points", () => {
    const spec = trendChartSpec([], money([]), orders([]));
    if (spec.kind !== "combo") throw new Error("expected a combo chart");
    expect(spec.groups.flatMap((g) => g.series.flatMap((s) => s.data))).toEqual([]);
  });
});

describe("comboDayMarks", () => {
  const days = (n: number) => Array.from({ length: n }, (_, i) => `d${i + 1}`);
  test.each([
    { case: "a week: Polaris Viz labels the days itself", n: 7, marks: null },
    { case: "a month of 31 days still gets Polaris Viz's labels", n: 31, marks: null },
    { case: "32 days: first, middle and last marked by the chart", n: 32, marks: ["d1", "d16", "d32"] },
    { case: "90 days", n: 90, marks: ["d1", "d45", "d90"] },
  ])("$case", ({ n, marks }) => {
    expect(comboDayMarks(days(n))).toEqual(marks);
  });

  test("the combo chart of a long period carries the marks; a line chart never needs them", () => {
    const labels = days(90);
    const values = labels.map((_, i) => i);
    const combo = trendChartSpec(labels, money(values), orders(values));
    if (combo.kind !== "combo") throw new Error("expected a combo chart");
    expect(combo.dayMarks).toEqual(["d1", "d45", "d90"]);
    expect(trendChartSpec(labels, money(values)).kind).toBe("line");
  });
});

describe("formatterOf", () => {
  test.each([
    { case: "a number", value: 1234, shown: "€12.34" },
    { case: "a numeric string (tick labels)", value: "500", shown: "€5.00" },
    { case: "zero", value: 0, shown: "€0.00" },
    { case: "a missing point", value: null, shown: "" },
    { case: "a non-numeric key is left as is", value: "n/a", shown: "n/a" },
  ])("$case", ({ value, shown }) => {
    expect(formatterOf(euros.format)(value)).toBe(shown);
  });
});

describe("trendTableRows", () => {
  test("each day with each series' figure as shown; a missing figure reads as zero", () => {
    expect(trendTableRows(["a", "b"], money([100, 250]), orders([3]))).toEqual([
      ["a", "€1.00", "3 orders"],
      ["b", "€2.50", "0 orders"],
    ]);
    expect(trendTableRows(["a"], money([100]))).toEqual([["a", "€1.00"]]);
  });
});
