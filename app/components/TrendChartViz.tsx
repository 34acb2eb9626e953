// The Polaris Viz drawing of a trend. Loaded lazily and only in the browser (TrendChart renders it after hydration):
// Polaris Viz measures its container with ResizeObserver and window, and its code and stylesheets stay off the page's
// first paint. Importing the stylesheets here makes Vite load them with this chunk, before the chart mounts.
import "@shopify/polaris-viz/build/esm/styles.css";
import "./TrendChartViz.css";
import { ComboChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { useEffect, useRef, type ReactNode } from "react";
import type { TrendChartSpec } from "./trend-chart-spec";

// Polaris Viz defaults to its dark theme; the admin is light. Straight segments without a filled area: a spline
// overshoots between days (below zero after a quiet day) and an area under the orders line reads as more bars.
const THEME = "Light";
const THEMES = { [THEME]: { line: { hasSpline: false, hasArea: false } } };

export default function TrendChartViz({ spec }: { spec: TrendChartSpec }) {
  return (
    <PolarisVizProvider defaultTheme={THEME} themes={THEMES}>
      {/* No entry animation: the chart arrives after hydration and should be final at once. */}
      {spec.kind === "line" && (
        <LineChart data={spec.series} yAxisOptions={spec.yAxis} tooltipOptions={{ valueFormatter: spec.tooltipValue }} isAnimated={false} />
      )}
      {/* The combo chart's tooltip shows each group's figures through that group's y-axis formatter. */}
      {spec.kind === "combo" && (
        <ComboTooltipFrame>
          <ComboChart data={spec.groups} isAnimated={false} xAxisOptions={{ hide: spec.dayMarks !== null }} />
        </ComboTooltipFrame>
      )}
    </PolarisVizProvider>
  );
}

/** Hands the page's vertical scroll to TrendChartViz.css, which turns the combo chart's tooltip position into a viewport one. */
function ComboTooltipFrame({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const frame = ref.current;
    if (!frame) return;
    const update = () => frame.style.setProperty("--trend-chart-scroll-y", `${window.scrollY}px`);
    update();
    window.addEventListener("scroll", update, { passive: true });
    return () => window.removeEventListener("scroll", update);
  }, []);
  return (
    <div ref={ref} className="trend-chart-combo">
      {children}
    </div>
  );
}
