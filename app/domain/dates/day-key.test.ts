import { describe, expect, test } from "vitest";
import { dayKey } from "./day-key";
import { InvalidInstantError, InvalidTimeZoneError } from "./errors";

describe("dayKey", () => {
  test.each([
    ["Shopify's sample order is New Year's Eve in New York", "2021-12-31T19:00:00-05:00", "America/New_York", "2021-12-31"],
    ["the same instant is New Year's Day in UTC", "2021-12-31T19:00:00-05:00", "UTC", "2022-01-01"],
    ["the same instant is New Year's Day in Paris", "2021-12-31T19:00:00-05:00", "Europe/Paris", "2022-01-01"],
    ["a Date object works like its ISO string", new Date("2022-01-01T00:30:00Z"), "Europe/Paris", "2022-01-01"],
    ["one millisecond before Paris midnight", "2024-06-30T21:59:59.999Z", "Europe/Paris", "2024-06-30"],
    ["Paris midnight in summer time (UTC+2)", "2024-06-30T22:00:00Z", "Europe/Paris", "2024-07-01"],
    ["Paris midnight in winter time (UTC+1)", "2024-01-14T23:00:00Z", "Europe/Paris", "2024-01-15"],
    ["New York spring-forward day, after the jump", "2024-03-10T07:30:00Z", "America/New_York", "2024-03-10"],
    ["New York fall-back day, the repeated 01:30", "2024-11-03T06:30:00Z", "America/New_York", "2024-11-03"],
    ["New York fall-back day, last minute", "2024-11-04T04:59:00Z", "America/New_York", "2024-11-03"],
    ["India's half-hour offset", "2024-05-01T18:29:00Z", "Asia/Kolkata", "2024-05-01"],
    ["India's half-hour offset, past midnight", "2024-05-01T18:30:00Z", "Asia/Kolkata", "2024-05-02"],
    ["Nepal's quarter-hour offset", "2024-05-01T18:15:00Z", "Asia/Kathmandu", "2024-05-02"],
    ["Kiritimati (UTC+14) is a day ahead", "2024-01-01T10:00:00Z", "Pacific/Kiritimati", "2024-01-02"],
    ["Pago Pago (UTC−11) is a day behind", "2024-01-01T10:00:00Z", "Pacific/Pago_Pago", "2023-12-31"],
    ["Tokyo for a JPY shop", "2024-02-28T15:00:00Z", "Asia/Tokyo", "2024-02-29"],
    ["an offset in the string does not leak into the shop zone", "2024-07-01T01:00:00+09:00", "Europe/London", "2024-06-30"],
  ])("%s", (_label, instant, zone, expected) => {
    expect(dayKey(instant, zone)).toBe(expected);
  });

  test.each([
    ["an offset-less timestamp would be read in the server zone", "2024-01-01T10:00:00"],
    ["a bare date", "2024-01-01"],
    ["garbage", "yesterday"],
    ["an impossible date", "2024-02-30T10:00:00Z"],
    ["an invalid Date", new Date(Number.NaN)],
  ])("rejects %s", (_label, instant) => {
    expect(() => dayKey(instant, "UTC")).toThrow(InvalidInstantError);
  });

  test.each([["a made-up zone", "Mars/Olympus"], ["an empty zone", ""]])("rejects %s", (_label, zone) => {
    expect(() => dayKey("2024-01-01T00:00:00Z", zone)).toThrow(InvalidTimeZoneError);
  });
});
