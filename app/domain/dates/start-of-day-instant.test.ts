import { describe, expect, test } from "vitest";
import { dayKey } from "./day-key";
import { InvalidDayError, InvalidTimeZoneError } from "./errors";
import { startOfDayInstant } from "./start-of-day-instant";

describe("startOfDayInstant", () => {
  test.each([
    ["UTC midnight", "2024-01-15", "UTC", "2024-01-15T00:00:00.000Z"],
    ["New York in winter (UTC−5)", "2024-01-15", "America/New_York", "2024-01-15T05:00:00.000Z"],
    ["New York in summer (UTC−4)", "2024-07-15", "America/New_York", "2024-07-15T04:00:00.000Z"],
    ["New York spring-forward day starts before the jump (UTC−5)", "2024-03-10", "America/New_York", "2024-03-10T05:00:00.000Z"],
    ["the day after spring-forward starts at UTC−4", "2024-03-11", "America/New_York", "2024-03-11T04:00:00.000Z"],
    ["New York fall-back day starts in summer time", "2024-11-03", "America/New_York", "2024-11-03T04:00:00.000Z"],
    ["Paris on its spring-forward day", "2024-03-31", "Europe/Paris", "2024-03-30T23:00:00.000Z"],
    ["Paris the day after", "2024-04-01", "Europe/Paris", "2024-03-31T22:00:00.000Z"],
    ["India's half-hour offset", "2024-05-02", "Asia/Kolkata", "2024-05-01T18:30:00.000Z"],
    ["Lord Howe's half-hour DST", "2024-10-06", "Australia/Lord_Howe", "2024-10-05T13:30:00.000Z"],
    ["Kiritimati (UTC+14) starts the previous UTC day", "2024-01-01", "Pacific/Kiritimati", "2023-12-31T10:00:00.000Z"],
    ["Santiago skips midnight: the day starts at 01:00 local", "2022-09-11", "America/Santiago", "2022-09-11T04:00:00.000Z"],
    ["Havana skips midnight", "2023-03-12", "America/Havana", "2023-03-12T05:00:00.000Z"],
    ["Beirut skips midnight", "2024-03-31", "Asia/Beirut", "2024-03-30T22:00:00.000Z"],
    ["São Paulo fell back at midnight: the day starts at the only midnight, after the repeated hour", "2018-02-18", "America/Sao_Paulo", "2018-02-18T03:00:00.000Z"],
    ["São Paulo sprang forward at midnight", "2018-11-04", "America/Sao_Paulo", "2018-11-04T03:00:00.000Z"],
    ["Samoa after skipping 30 December 2011", "2011-12-31", "Pacific/Apia", "2011-12-30T10:00:00.000Z"],
  ])("%s", (_label, day, zone, expected) => {
    const start = startOfDayInstant(day, zone);
    expect(start.toISOString()).toBe(expected);
    expect(dayKey(start, zone)).toBe(day);
    expect(dayKey(new Date(start.getTime() - 1), zone)).not.toBe(day);
  });

  test.each([
    ["a day Samoa skipped", "2011-12-30", "Pacific/Apia", InvalidDayError],
    ["a malformed day", "2024-1-1", "UTC", InvalidDayError],
    ["an unknown zone", "2024-01-01", "Nowhere/Else", InvalidTimeZoneError],
  ])("rejects %s", (_label, day, zone, error) => {
    expect(() => startOfDayInstant(day, zone)).toThrow(error);
  });
});
