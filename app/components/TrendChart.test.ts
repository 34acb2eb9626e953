import { describe, expect, test } from "vitest";
import { chartGeometry } from "./TrendChart";

describe("chartGeometry", () => {
  test("bars stand on the zero line, the tallest reaching the top", () => {
    const { rects, zeroY } = chartGeometry(["a", "b", "c"], [0, 50, 100]);
    expect(rects[0]?.height).toBe(0);
    expect(rects[2]?.y).toBeCloseTo(12);
    expect(rects[1]?.height).toBeCloseTo((rects[2]?.height ?? 0) / 2);
    expect((rects[2]?.y ?? 0) + (rects[2]?.height ?? 0)).toBeCloseTo(zeroY);
  });

  test("a negative day (refunds) hangs below the zero line", () => {
    const { rects, zeroY } = chartGeometry(["a", "b"], [100, -50]);
    expect(rects[1]?.y).toBeCloseTo(zeroY);
    expect(rects[1]?.height).toBeGreaterThan(0);
  });

  test("a line in the bars' unit can share their scale", () => {
    const { rects, points } = chartGeometry(["a", "b"], [100, 50], [200, 50], true);
    // The line's 200 is the top; the bar of 100 reaches half way.
    expect(points[0]?.y).toBeCloseTo(12);
    expect(rects[0]?.height).toBeCloseTo((rects[0]!.y + rects[0]!.height - 12) / 2);
  });

  test("the line has its own scale; an all-zero series stays on the baseline", () => {
    const { points } = chartGeometry(["a", "b"], [10, 20], [0, 0]);
    expect(points.map((p) => p.y)).toEqual([points[0]?.y, points[0]?.y]);
    expect(chartGeometry([], []).rects).toEqual([]);
  });
});
