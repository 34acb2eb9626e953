// Day buckets are 'YYYY-MM-DD' strings already expressed in the shop's time zone; arithmetic on them is
// calendar arithmetic on a day serial (days since 1970-01-01), independent of the process time zone.
import { MetricsInputError } from "../errors";

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a valid calendar day string; throws on malformed or impossible days. */
export function daySerial(day: string): number {
  const m = DAY_PATTERN.exec(day);
  if (!m) throw new MetricsInputError(`expected a day as YYYY-MM-DD, got ${JSON.stringify(day)}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const date = Number(m[3]);
  const ms = Date.UTC(year, month - 1, date);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    throw new MetricsInputError(`not a calendar day: ${day}`);
  }
  return Math.round(ms / MS_PER_DAY);
}

/** The 'YYYY-MM-DD' string of a day serial. */
export function dayFromSerial(serial: number): string {
  return new Date(serial * MS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday index 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayIndex(serial: number): number {
  return (((serial + 3) % 7) + 7) % 7;
}

/** 'YYYY-MM' of a day string. */
export function monthKey(day: string): string {
  daySerial(day);
  return day.slice(0, 7);
}

/** Months counted as year × 12 + month − 1, so calendar-month differences are a subtraction. */
export function monthOrdinal(day: string): number {
  daySerial(day);
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

/** True when the day is the last day of its calendar month. */
export function isLastDayOfMonth(day: string): boolean {
  return monthKey(dayFromSerial(daySerial(day) + 1)) !== monthKey(day);
}
