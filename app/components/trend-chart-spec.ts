// What the trend chart hands to Polaris Viz, kept apart from the component (and from Polaris Viz's code, which only
// the browser loads) so the choice of chart and the mapping of figures are unit-tested.
import type { ComboChartProps, DataSeries } from "@shopify/polaris-viz";

export type TrendSeries = {
  label: string;
  values: readonly number[];
  format: (value: number) => string;
  /** For a line in the bars' unit (forecast against actual): draw it on the bars' scale instead of its own. */
  sameScale?: boolean;
};

type Formatter = (value: string | number | null) => string;
type AxisOptions = { labelFormatter: Formatter; integersOnly: boolean };

/**
 * The chart for a trend. A series against a line in another unit (money against orders) is a combo chart, bars on the
 * left axis and the line on the right: only the combo chart gives each its own scale. Otherwise (one series, or a line in
 * the bars' unit such as forecast against actual, which must share their scale, and the combo chart derives its right
 * axis from the left one's ticks) a line chart: one axis, the second series dashed. A lone series is a line rather than
 * bars because Polaris Viz's bar chart drops every day label once bars get narrow (a month at the card's width), while
 * its line chart thins them. The combo chart has the same limit, further out (past about two months at the card's width
 * it draws no day labels at all, whatever the period): beyond a month its own labels are hidden and the chart marks the
 * first, middle and last days itself (dayMarks), so every period shows where it starts and ends.
 */
export type TrendChartSpec =
  | { kind: "line"; series: DataSeries[]; yAxis: AxisOptions; tooltipValue: Formatter }
  | { kind: "combo"; groups: ComboChartProps["data"]; dayMarks: string[] | null };

/** Days past which the combo chart's own day labels are replaced by the first, middle and last day. */
export const COMBO_LABELLED_DAYS = 31;

/** The first, middle and last day labels, for a combo chart longer than Polaris Viz can label; null when it can. */
export function comboDayMarks(labels: readonly string[]): string[] | null {
  if (labels.length <= COMBO_LABELLED_DAYS) return null;
  return [labels[0]!, labels[Math.floor((labels.length - 1) / 2)]!, labels[labels.length - 1]!];
}

/** Polaris Viz hands axis ticks and tooltip values as numbers, numeric strings or null; null is a missing point. (The
 * combo chart's tooltip shows each value through its group's axis formatter, so one formatter serves both.) */
export function formatterOf(format: (value: number) => string): Formatter {
  return (value) => {
    if (value === null || value === "") return "";
    const n = Number(value);
    return Number.isFinite(n) ? format(n) : String(value);
  };
}

/** One point per day, keyed by the day's label; a day without a figure is zero, as in the screen-reader table. */
function seriesOf(labels: readonly string[], series: TrendSeries): DataSeries {
  return { name: series.label, data: labels.map((key, i) => ({ key, value: series.values[i] ?? 0 })) };
}

/** The chart that draws a trend and its data. Every figure is an integer (minor units, orders): ticks stay whole. */
export function trendChartSpec(labels: readonly string[], bars: TrendSeries, line?: TrendSeries): TrendChartSpec {
  const barSeries = seriesOf(labels, bars);
  const barAxis = { labelFormatter: formatterOf(bars.format), integersOnly: true };
  if (!line) return { kind: "line", series: [barSeries], yAxis: barAxis, tooltipValue: barAxis.labelFormatter };
  const lineSeries = seriesOf(labels, line);
  if (line.sameScale) {
    const dashed: DataSeries = { ...lineSeries, styleOverride: { line: { strokeDasharray: "4 4", hasArea: false } } };
    return { kind: "line", series: [barSeries, dashed], yAxis: barAxis, tooltipValue: barAxis.labelFormatter };
  }
  const lineAxis = { labelFormatter: formatterOf(line.format), integersOnly: true };
  return {
    kind: "combo",
    dayMarks: comboDayMarks(labels),
    groups: [
      { shape: "Bar", name: bars.label, series: [barSeries], yAxisOptions: barAxis },
      { shape: "Line", name: line.label, series: [lineSeries], yAxisOptions: lineAxis },
    ],
  };
}

/** The rows of the screen-reader table: the day, then each series' figure as shown. */
export function trendTableRows(labels: readonly string[], bars: TrendSeries, line?: TrendSeries): string[][] {
  return labels.map((label, i) => [
    label,
    bars.format(bars.values[i] ?? 0),
    ...(line ? [line.format(line.values[i] ?? 0)] : []),
  ]);
}
