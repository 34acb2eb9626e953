import { daysBetween } from "~/domain/dates";
import { assertMinor } from "~/domain/money";
import type { DayPeriod } from "./date-range";

const EPOCH = "1970-01-01";
const serials = new Map<string, number>();

/** Days since 1970-01-01 of a day key, memoised: pages spread thousands of costs over the same few dozen days. */
function serial(day: string): number {
  let s = serials.get(day);
  if (s === undefined) {
    if (serials.size > 20_000) serials.clear();
    s = daysBetween(EPOCH, day);
    serials.set(day, s);
  }
  return s;
}

/**
 * The part of an amount spread evenly over the days of `window` that falls in `period`. The split is the one
 * allocateMinor gives with one equal weight per day (each day floor(total / days), the units left over to the
 * earliest days), computed without building the day list, so the parts of adjacent periods add up exactly.
 */
export function spreadOverDays(totalMinor: number, window: DayPeriod, period: DayPeriod): number {
  assertMinor(totalMinor);
  const windowStart = serial(window.from);
  const windowDays = serial(window.to) - windowStart + 1;
  if (windowDays <= 0) throw new RangeError(`Window ${window.from}..${window.to} is empty`);
  const from = window.from > period.from ? window.from : period.from;
  const to = window.to < period.to ? window.to : period.to;
  if (to < from || totalMinor === 0) return 0;
  const first = serial(from) - windowStart;
  const last = serial(to) - windowStart;
  const magnitude = Math.abs(totalMinor);
  const base = Math.floor(magnitude / windowDays);
  const leftover = magnitude - base * windowDays;
  // Days with index < leftover carry one extra unit.
  const extra = Math.max(0, Math.min(last, leftover - 1) - first + 1);
  const part = base * (last - first + 1) + extra;
  return totalMinor < 0 ? -part || 0 : part;
}
