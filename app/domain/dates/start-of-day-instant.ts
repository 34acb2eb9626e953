import { dayToUtcMs } from "./calendar-day";
import { dayKey } from "./day-key";
import { InvalidDayError } from "./errors";
import { assertTimeZone, offsetAt } from "./zone-clock";

const HOUR = 3_600_000;
// Real offsets lie within −12h..+14h, so a local midnight is within 16 hours of the same wall time read as UTC.
const SEARCH_SPAN = 16 * HOUR;

/**
 * The UTC instant at which `day` begins in `timeZone`, i.e. the earliest instant whose local day is `day`:
 * local midnight; where a DST jump skips midnight (America/Santiago, America/Havana) the first instant after
 * the jump; where a fall-back repeats midnight, the first of the two.
 */
export function startOfDayInstant(day: string, timeZone: string): Date {
  assertTimeZone(timeZone);
  const wallMidnightAsUtc = dayToUtcMs(day);
  const before = wallMidnightAsUtc - SEARCH_SPAN;
  const after = wallMidnightAsUtc + SEARCH_SPAN;
  const offsets = new Set([offsetAt(before, timeZone), offsetAt(wallMidnightAsUtc, timeZone), offsetAt(after, timeZone)]);

  // Local midnight under offset o is the instant M − o, and it exists only if o is in force at that instant.
  const midnights = [...offsets]
    .map((offset) => ({ offset, candidate: wallMidnightAsUtc - offset }))
    .filter(({ offset, candidate }) => offsetAt(candidate, timeZone) === offset)
    .map(({ candidate }) => candidate);
  if (midnights.length > 0) return new Date(Math.min(...midnights));

  // Midnight does not exist on this day: the day starts at the transition, the first instant showing `day`.
  let low = before;
  let high = after;
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (dayKey(new Date(middle), timeZone) >= day) high = middle;
    else low = middle;
  }
  if (dayKey(new Date(high), timeZone) !== day) {
    throw new InvalidDayError(`Day ${day} does not occur in ${timeZone}`);
  }
  return new Date(high);
}
