import { MetricsInputError } from "./errors";
import { definedRatio, ratioOf, undefinedRatio, type Ratio } from "./ratio";

export type KpiDelta = {
  current: number;
  previous: number;
  /** current − previous, in the KPI's own unit. */
  absolute: number;
  /** (current − previous) / |previous|; undefined ("no_previous") when previous is 0. */
  relative: Ratio;
};

/** Change of a KPI against the previous period: absolute and relative, relative measured against |previous| so a rise from a negative value reads as positive. */
export function kpiDelta(current: number, previous: number): KpiDelta {
  if (!Number.isFinite(current) || !Number.isFinite(previous)) {
    throw new MetricsInputError(`KPI values must be finite, got ${String(current)} and ${String(previous)}`);
  }
  const absolute = current - previous;
  return {
    current,
    previous,
    absolute: absolute === 0 ? 0 : absolute,
    relative: ratioOf(absolute, Math.abs(previous), "no_previous"),
  };
}

export type RatioDelta = {
  /** current − previous; undefined when either side is. */
  absolute: Ratio;
  /** (current − previous) / |previous|; undefined when either side is, or previous is 0. */
  relative: Ratio;
};

/** Change of a ratio KPI (ROAS, conversion…) whose current or previous value may itself be undefined. */
export function ratioDelta(current: Ratio, previous: Ratio): RatioDelta {
  if (current.kind === "undefined") {
    return { absolute: undefinedRatio("current_undefined"), relative: undefinedRatio("current_undefined") };
  }
  if (previous.kind === "undefined") {
    return { absolute: undefinedRatio("previous_undefined"), relative: undefinedRatio("previous_undefined") };
  }
  const d = kpiDelta(current.value, previous.value);
  return { absolute: definedRatio(d.absolute), relative: d.relative };
}
