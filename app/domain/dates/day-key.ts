import { formatDay } from "./calendar-day";
import { toInstant } from "./to-instant";
import { wallClock } from "./zone-clock";

/** The shop-local calendar day ('YYYY-MM-DD') of an instant in the shop's IANA time zone; DST is Intl's business. */
export function dayKey(instant: Date | string, timeZone: string): string {
  const wall = wallClock(toInstant(instant).getTime(), timeZone);
  return formatDay(wall.year, wall.month, wall.day);
}
