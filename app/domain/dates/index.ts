export { dayKey } from "./day-key";
export { addDays, daysBetween, weekday, dayRange } from "./day-arithmetic";
export { startOfDayInstant } from "./start-of-day-instant";
export { toInstant, toIsoUtc } from "./to-instant";
export { assertTimeZone } from "./zone-clock";
export { DateError, InvalidDayError, InvalidInstantError, InvalidTimeZoneError } from "./errors";
