/** Base class of every date error. */
export class DateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A day key that is not a real calendar date written 'YYYY-MM-DD'. */
export class InvalidDayError extends DateError {}

/** An instant that is not a valid Date or an ISO 8601 timestamp carrying its offset. */
export class InvalidInstantError extends DateError {}

/** A time zone that is not a known IANA zone. */
export class InvalidTimeZoneError extends DateError {}
