import { InvalidInstantError } from "./errors";

// An offset-less timestamp would be read in the server's zone; Shopify always sends the offset, so demand it.
const ISO_WITH_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/i;

function fieldsAreReal(match: RegExpExecArray): boolean {
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = match
    .slice(1)
    .map((field) => (field === undefined ? undefined : Number(field)));
  if (year === undefined || month === undefined || day === undefined || hour === undefined || minute === undefined) {
    return false;
  }
  // V8 rolls "2024-02-30" over to 1 March; a calendar check catches it.
  const calendar = new Date(0);
  calendar.setUTCFullYear(year, month - 1, day);
  return (
    calendar.getUTCMonth() === month - 1 &&
    calendar.getUTCDate() === day &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    offsetHours <= 23 &&
    offsetMinutes <= 59
  );
}

/** Reads an instant from a Date or an ISO 8601 timestamp with an explicit offset ("Z" or "-05:00"). */
export function toInstant(instant: Date | string): Date {
  if (instant instanceof Date) {
    if (Number.isNaN(instant.getTime())) throw new InvalidInstantError("Invalid Date");
    return instant;
  }
  const match = typeof instant === "string" ? ISO_WITH_OFFSET.exec(instant) : null;
  if (!match) {
    throw new InvalidInstantError(`Not an ISO 8601 timestamp with an offset: ${JSON.stringify(instant)}`);
  }
  const date = new Date(instant);
  if (Number.isNaN(date.getTime()) || !fieldsAreReal(match)) {
    throw new InvalidInstantError(`Not a real instant: ${JSON.stringify(instant)}`);
  }
  return date;
}

/** Normalizes an instant to its canonical UTC ISO string ("2022-01-01T00:00:00.000Z"). */
export function toIsoUtc(instant: Date | string): string {
  return toInstant(instant).toISOString();
}
