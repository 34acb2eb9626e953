// A small accessible SVG chart: one series as bars (left axis), an optional second as a line (right axis), one point
// per day. The same figures are in a visually hidden table for screen readers. (Polaris Viz is not a dependency.)
import { useId, type CSSProperties } from "react";

export type TrendSeries = {
  label: string;
  values: readonly number[];
  format: (value: number) => string;
  /** For a line in the bars' unit (forecast against actual): draw it on the bars' scale instead of its own. */
  sameScale?: boolean;
};

export type TrendChartProps = {
  title: string;
  description: string;
  /** Labels of the x positions (days), as shown. */
  labels: readonly string[];
  bars: TrendSeries;
  line?: TrendSeries;
};

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 12, right: 64, bottom: 28, left: 72 };
const BAR_COLOR = "#2c6ecb";
const LINE_COLOR = "#b98900";
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

function extent(values: readonly number[]): { min: number; max: number } {
  let min = 0;
  let max = 0;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) max = min + 1;
  return { min, max };
}

/** Pure geometry of the chart, exported for tests: bar rectangles and line points in SVG units. */
export function chartGeometry(labels: readonly string[], bars: readonly number[], line?: readonly number[], sameScale = false) {
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const n = Math.max(1, labels.length);
  const step = innerW / n;
  const barExtent = extent(sameScale && line ? [...bars, ...line] : bars);
  const y = (v: number) => PAD.top + ((barExtent.max - v) / (barExtent.max - barExtent.min)) * innerH;
  const zeroY = y(0);
  const rects = bars.map((v, i) => {
    const top = Math.min(y(v), zeroY);
    return { x: PAD.left + i * step + step * 0.15, y: top, width: Math.max(1, step * 0.7), height: Math.abs(zeroY - y(v)) };
  });
  const lineExtent = line ? (sameScale ? barExtent : extent(line)) : null;
  const points = line && lineExtent
    ? line.map((v, i) => ({
        x: PAD.left + i * step + step / 2,
        y: PAD.top + ((lineExtent.max - v) / (lineExtent.max - lineExtent.min)) * innerH,
      }))
    : [];
  return { rects, points, zeroY, barExtent, lineExtent };
}

export function TrendChart({ title, description, labels, bars, line }: TrendChartProps) {
  const id = useId();
  const { rects, points, zeroY, barExtent, lineExtent } = chartGeometry(labels, bars.values, line?.values, line?.sameScale);
  const tick = (i: number) => labels[i] ?? "";
  const xTicks = labels.length <= 1 ? [0] : [0, Math.floor((labels.length - 1) / 2), labels.length - 1];
  const step = (WIDTH - PAD.left - PAD.right) / Math.max(1, labels.length);
  return (
    <figure style={{ margin: 0 }}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        style={{ display: "block", maxHeight: 260 }}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={zeroY} y2={zeroY} stroke="#8a8a8a" strokeWidth={1} />
        <text x={PAD.left - 6} y={PAD.top + 10} textAnchor="end" fontSize={11} fill="#616161">
          {bars.format(barExtent.max)}
        </text>
        <text x={PAD.left - 6} y={zeroY + 4} textAnchor="end" fontSize={11} fill="#616161">
          {bars.format(0)}
        </text>
        {barExtent.min < 0 && HEIGHT - PAD.bottom - zeroY > 14 && (
          <text x={PAD.left - 6} y={HEIGHT - PAD.bottom} textAnchor="end" fontSize={11} fill="#616161">
            {bars.format(barExtent.min)}
          </text>
        )}
        {rects.map((r, i) => (
          <rect key={i} x={r.x} y={r.y} width={r.width} height={r.height} fill={BAR_COLOR} opacity={0.85}>
            <title>{`${tick(i)}: ${bars.format(bars.values[i] ?? 0)}${line ? ` · ${line.format(line.values[i] ?? 0)}` : ""}`}</title>
          </rect>
        ))}
        {line && lineExtent && points.length > 0 && (
          <>
            <polyline
              points={points.map((p) => `${p.x},${p.y}`).join(" ")}
              fill="none"
              stroke={LINE_COLOR}
              strokeWidth={2}
              strokeLinejoin="round"
            />
            {points.map((p, i) => (
              <circle key={i} cx={p.x} cy={p.y} r={2.5} fill={LINE_COLOR} />
            ))}
            {!line.sameScale && (
              <text x={WIDTH - PAD.right + 6} y={PAD.top + 10} fontSize={11} fill={LINE_COLOR}>
                {line.format(lineExtent.max)}
              </text>
            )}
          </>
        )}
        {xTicks.map((i) => (
          <text key={i} x={PAD.left + i * step + step / 2} y={HEIGHT - 8} textAnchor="middle" fontSize={11} fill="#616161">
            {tick(i)}
          </text>
        ))}
      </svg>
      <figcaption>
        <div style={{ display: "flex", gap: 16, fontSize: 12, color: "#616161", justifyContent: "center" }}>
          <span>
            <span aria-hidden="true" style={{ display: "inline-block", width: 10, height: 10, background: BAR_COLOR, marginInlineEnd: 4 }} />
            {bars.label}
          </span>
          {line && (
            <span>
              <span aria-hidden="true" style={{ display: "inline-block", width: 10, height: 2, background: LINE_COLOR, marginInlineEnd: 4, verticalAlign: "middle" }} />
              {line.label}
            </span>
          )}
        </div>
      </figcaption>
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
            {labels.map((label, i) => (
              <tr key={i}>
                <th scope="row">{label}</th>
                <td>{bars.format(bars.values[i] ?? 0)}</td>
                {line && <td>{line.format(line.values[i] ?? 0)}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
