import { dayToUtcMs, MS_PER_DAY, utcMsToDay } from "./calendar-day";
import { InvalidDayError } from "./errors";

/** The day `n` calendar days after `day` (negative n goes back); day keys have no time zone, so no DST applies. */
export function addDays(day: string, n: number): string {
  if (!Number.isSafeInteger(n)) throw new InvalidDayError(`Day offset must be an integer, got ${String(n)}`);
  return utcMsToDay(dayToUtcMs(day) + n * MS_PER_DAY);
}

/** Signed number of calendar days from a to b (daysBetween('2024-01-01', '2024-01-31') = 30). */
export function daysBetween(a: string, b: string): number {
  return Math.round((dayToUtcMs(b) - dayToUtcMs(a)) / MS_PER_DAY);
}

/** Day of the week of a day key, 0 = Sunday … 6 = Saturday. */
export function weekday(day: string): number {
  return new Date(dayToUtcMs(day)).getUTCDay();
}

// A guard against a swapped or mistyped year building a huge array by accident.
const MAX_RANGE_DAYS = 366 * 50;

/** Every day from `from` to `to`, both included; empty when `to` is before `from`. */
export function dayRange(from: string, to: string): string[] {
  const length = daysBetween(from, to) + 1;
  if (length <= 0) return [];
  if (length > MAX_RANGE_DAYS) throw new InvalidDayError(`Range ${from}..${to} spans more than ${MAX_RANGE_DAYS} days`);
  const start = dayToUtcMs(from);
  return Array.from({ length }, (_, i) => utcMsToDay(start + i * MS_PER_DAY));
}
