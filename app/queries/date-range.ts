// The reporting period of the analytics pages: shop-zone day keys, both ends included, and the period of the
// same length just before it for comparison.
import { addDays, daysBetween, startOfDayInstant } from "~/domain/dates";

export const RANGE_PRESETS = ["last7", "last30", "last90", "mtd", "custom"] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];

/** The longest custom period: two years keeps a day-by-day chart readable and the rollup scan bounded. */
export const MAX_RANGE_DAYS = 731;

export type DayPeriod = { from: string; to: string };

export type DateRange = DayPeriod & {
  preset: RangePreset;
  /** Days in the period, both ends included. */
  days: number;
  /** The comparison period: as many days, ending the day before `from`. */
  previous: DayPeriod;
};

/** A requested period that cannot be reported (bad day, reversed ends, too long). */
export class DateRangeError extends Error {
  constructor(
    readonly code: "invalid_day" | "reversed" | "too_long" | "missing_custom",
    message: string,
  ) {
    super(message);
    this.name = "DateRangeError";
  }
}

function assertDay(day: string, what: string): void {
  try {
    addDays(day, 0);
  } catch {
    throw new DateRangeError("invalid_day", `${what} is not a calendar day 'YYYY-MM-DD': ${JSON.stringify(day)}`);
  }
}

function withPrevious(preset: RangePreset, from: string, to: string): DateRange {
  const days = daysBetween(from, to) + 1;
  return { preset, from, to, days, previous: { from: addDays(from, -days), to: addDays(from, -1) } };
}

/**
 * Resolves a preset against today's shop-zone day: last 7/30/90 days end today (today included), month to date
 * starts on the 1st; a custom period needs both ends, in order, at most 731 days. The comparison period is
 * the same number of days immediately before.
 */
export function resolveDateRange(input: { preset: RangePreset; from?: string; to?: string }, today: string): DateRange {
  assertDay(today, "Today");
  switch (input.preset) {
    case "last7":
      return withPrevious("last7", addDays(today, -6), today);
    case "last30":
      return withPrevious("last30", addDays(today, -29), today);
    case "last90":
      return withPrevious("last90", addDays(today, -89), today);
    case "mtd":
      return withPrevious("mtd", `${today.slice(0, 8)}01`, today);
    case "custom": {
      if (!input.from || !input.to) throw new DateRangeError("missing_custom", "A custom period needs a start and an end day");
      assertDay(input.from, "The start");
      assertDay(input.to, "The end");
      if (input.to < input.from) throw new DateRangeError("reversed", `The end ${input.to} is before the start ${input.from}`);
      if (daysBetween(input.from, input.to) + 1 > MAX_RANGE_DAYS) {
        throw new DateRangeError("too_long", `A period can span at most ${MAX_RANGE_DAYS} days`);
      }
      return withPrevious("custom", input.from, input.to);
    }
  }
}

/** The instants [from, to) of a period of shop-zone days: the start of its first day to the start of the day after its last. */
export function periodInstants(period: DayPeriod, timeZone: string): { from: Date; to: Date } {
  return { from: startOfDayInstant(period.from, timeZone), to: startOfDayInstant(addDays(period.to, 1), timeZone) };
}

/** Days shared by two periods (0 when they do not meet). */
export function overlapDays(a: DayPeriod, b: DayPeriod): number {
  const from = a.from > b.from ? a.from : b.from;
  const to = a.to < b.to ? a.to : b.to;
  return to < from ? 0 : daysBetween(from, to) + 1;
}
