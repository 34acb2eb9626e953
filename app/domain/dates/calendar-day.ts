import { InvalidDayError } from "./errors";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MS_PER_DAY = 86_400_000;

/** Reads a 'YYYY-MM-DD' day key into the epoch milliseconds of its UTC midnight; rejects impossible dates (2023-02-29). */
export function dayToUtcMs(day: string): number {
  const match = typeof day === "string" ? DAY.exec(day) : null;
  if (!match) throw new InvalidDayError(`Not a day key 'YYYY-MM-DD': ${JSON.stringify(day)}`);
  const year = Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  const ms = new Date(0).setUTCFullYear(year, month - 1, date);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) {
    throw new InvalidDayError(`Not a calendar date: ${JSON.stringify(day)}`);
  }
  return ms;
}

/** Writes a 'YYYY-MM-DD' day key from calendar fields. */
export function formatDay(year: number, month: number, date: number): string {
  if (year < 0 || year > 9999) throw new InvalidDayError(`Year ${year} is outside the 4-digit day key range`);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`;
}

/** The day key of a UTC-midnight epoch value. */
export function utcMsToDay(ms: number): string {
  const date = new Date(ms);
  return formatDay(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}
