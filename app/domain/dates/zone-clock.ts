import { InvalidTimeZoneError } from "./errors";

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
        era: "short",
      });
    } catch (error) {
      throw new InvalidTimeZoneError(`Unknown time zone ${JSON.stringify(timeZone)}: ${(error as Error).message}`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock fields of an instant in a zone (proleptic Gregorian, astronomical year numbering). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall clock shown in `timeZone` at instant `epochMs`. */
export function wallClock(epochMs: number, timeZone: string): WallClock {
  const fields: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) fields[part.type] = part.value;
  const yearOfEra = Number(fields.year);
  return {
    year: fields.era === "BC" || fields.era === "B" ? 1 - yearOfEra : yearOfEra,
    month: Number(fields.month),
    day: Number(fields.day),
    hour: Number(fields.hour),
    minute: Number(fields.minute),
    second: Number(fields.second),
  };
}

/** UTC offset of `timeZone` at instant `epochMs`, in milliseconds (east positive). */
export function offsetAt(epochMs: number, timeZone: string): number {
  const wall = wallClock(epochMs, timeZone);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const wallAsUtc = new Date(0);
  wallAsUtc.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  wallAsUtc.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  const wholeSecond = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return wallAsUtc.getTime() - wholeSecond;
}

/** Throws InvalidTimeZoneError unless the zone is known to Intl. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}
