// Order and acquisition times are UTC instants. A string without a zone designator would be read in the
// process time zone, so it is refused rather than guessed.
import { MetricsInputError } from "../errors";

export type Instant = Date | string;

export const MS_PER_DAY = 86_400_000;

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch of a Date or an ISO-8601 string that carries Z or an offset. */
export function toEpochMs(name: string, value: Instant): number {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw new MetricsInputError(`${name} is an invalid Date`);
    return ms;
  }
  if (!ISO_WITH_ZONE.test(value)) {
    throw new MetricsInputError(`${name} must be an ISO-8601 instant with Z or an offset, got ${JSON.stringify(value)}`);
  }
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) throw new MetricsInputError(`${name} is not a valid instant: ${value}`);
  return ms;
}

/** A horizon in whole days (e.g. 30, 90); N days is N × 24 h after the acquisition instant. */
export function assertHorizonDays(days: number): void {
  if (!Number.isSafeInteger(days) || days <= 0) {
    throw new MetricsInputError(`days must be a positive integer, got ${String(days)}`);
  }
}
