// A trend per day drawn with Polaris Viz: bars and a line on two axes (ComboChart) when the second series has its own
// unit, otherwise lines on one axis (LineChart); trend-chart-spec.ts chooses. The chart is drawn in the browser only,
// after hydration, from a lazily loaded chunk: Polaris Viz needs window and ResizeObserver, and its code stays off the
// page's first paint. The server renders a box of the chart's size, so nothing moves when it arrives, and the same
// figures in a visually hidden table for screen readers.
import { lazy, Suspense, useEffect, useState, type CSSProperties } from "react";
import { trendChartSpec, trendTableRows, type TrendSeries } from "./trend-chart-spec";

export type { TrendSeries } from "./trend-chart-spec";

export type TrendChartProps = {
  title: string;
  description: string;
  /** Labels of the x positions (days), as shown. */
  labels: readonly string[];
  /** The main series: the bars of a combo chart, else the solid line. */
  bars: TrendSeries;
  line?: TrendSeries;
};

const TrendChartViz = lazy(() => import("./TrendChartViz"));

/** Height of the drawing (legend included); the placeholder has the same, so the page does not shift. */
const CHART_HEIGHT = 260;
const PLACEHOLDER: CSSProperties = {
  height: CHART_HEIGHT,
  borderRadius: "var(--p-border-radius-200)",
  background: "var(--p-color-bg-surface-secondary)",
};
const DAY_MARKS: CSSProperties = {
  display: "flex",
  justifyContent: "space-between",
  marginTop: "var(--p-space-100)",
  color: "var(--p-color-text-secondary)",
  fontSize: "var(--p-font-size-275)",
};
const VISUALLY_HIDDEN: CSSProperties = {
  position: "absolute",
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: "hidden",
  clip: "rect(0, 0, 0, 0)",
  whiteSpace: "nowrap",
  border: 0,
};

/** False on the server and during hydration, true once mounted in the browser. */
function useMounted(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

export function TrendChart({ title, description, labels, bars, line }: TrendChartProps) {
  const mounted = useMounted();
  const spec = trendChartSpec(labels, bars, line);
  const placeholder = <div style={PLACEHOLDER} />;
  return (
    <figure style={{ margin: 0, position: "relative" }} data-trend-chart={spec.kind}>
      {/* No days, nothing to draw: the (empty) table alone. */}
      {labels.length > 0 && (
        <div style={{ height: CHART_HEIGHT }}>
          {mounted ? (
            <Suspense fallback={placeholder}>
              <TrendChartViz spec={spec} />
            </Suspense>
          ) : (
            placeholder
          )}
        </div>
      )}
      {/* A long combo chart: Polaris Viz cannot label its days, so the first, middle and last are marked here (the
          table below names every day for screen readers). */}
      {spec.kind === "combo" && spec.dayMarks && labels.length > 0 && (
        <div aria-hidden="true" data-trend-day-marks style={DAY_MARKS}>
          {spec.dayMarks.map((mark, i) => (
            <span key={i}>{mark}</span>
          ))}
        </div>
      )}
      <figcaption style={VISUALLY_HIDDEN}>{`${title}. ${description}`}</figcaption>
      <div style={VISUALLY_HIDDEN}>
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{description}</th>
              <th scope="col">{bars.label}</th>
              {line && <th scope="col">{line.label}</th>}
            </tr>
          </thead>
          <tbody>
            {trendTableRows(labels, bars, line).map(([label, ...cells], i) => (
              <tr key={i}>
                <th scope="row">{label}</th>
                {cells.map((cell, j) => (
                  <td key={j}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
