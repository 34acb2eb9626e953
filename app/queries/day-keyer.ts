import { dayKey, startOfDayInstant } from "~/domain/dates";

const MS_PER_DAY = 86_400_000;
// About five years of UTC days per zone: plenty for one page or one job, bounded for a long-lived server.
const MAX_CACHED_DAYS = 2_000;

type UtcDay = { before: string; after: string; boundaryMs: number };

const caches = new Map<string, Map<number, UtcDay>>();

function describeUtcDay(utcDay: number, timeZone: string): UtcDay {
  const startMs = utcDay * MS_PER_DAY;
  const before = dayKey(new Date(startMs), timeZone);
  const after = dayKey(new Date(startMs + MS_PER_DAY - 1), timeZone);
  if (before === after) return { before, after, boundaryMs: Number.POSITIVE_INFINITY };
  // Offsets stay within ±14 h, so one UTC day meets at most one local midnight: where `after` begins.
  return { before, after, boundaryMs: startOfDayInstant(after, timeZone).getTime() };
}

/**
 * dayKey for many instants of one zone at a fraction of the cost: each UTC day is described once (its local day
 * before and after the local midnight that falls in it, if any) and later instants of that UTC day are a lookup.
 * Gives exactly dayKey's answer, DST days included.
 */
export function dayKeyer(timeZone: string): (instant: Date) => string {
  let cache = caches.get(timeZone);
  if (!cache) {
    cache = new Map();
    caches.set(timeZone, cache);
  }
  const days = cache;
  return (instant: Date) => {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError("Invalid Date");
    const utcDay = Math.floor(ms / MS_PER_DAY);
    let described = days.get(utcDay);
    if (!described) {
      if (days.size >= MAX_CACHED_DAYS) days.clear();
      described = describeUtcDay(utcDay, timeZone);
      days.set(utcDay, described);
    }
    return ms < described.boundaryMs ? described.before : described.after;
  };
}
