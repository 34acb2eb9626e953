import { describe, expect, test } from "vitest";
import { InvalidInstantError } from "./errors";
import { toIsoUtc } from "./to-instant";

describe("toIsoUtc", () => {
  test.each([
    ["Shopify's offset timestamp", "2021-12-31T19:00:00-05:00", "2022-01-01T00:00:00.000Z"],
    ["Zulu time", "2024-01-01T10:00:00Z", "2024-01-01T10:00:00.000Z"],
    ["lower-case z", "2024-01-01T10:00:00z", "2024-01-01T10:00:00.000Z"],
    ["milliseconds", "2024-01-01T10:00:00.123+01:00", "2024-01-01T09:00:00.123Z"],
    ["no seconds", "2024-01-01T10:00+00:00", "2024-01-01T10:00:00.000Z"],
    ["a Date", new Date(Date.UTC(2024, 0, 1)), "2024-01-01T00:00:00.000Z"],
  ])("%s", (_label, input, expected) => {
    expect(toIsoUtc(input)).toBe(expected);
  });

  test.each([
    ["no offset", "2024-01-01T10:00:00"],
    ["date only", "2024-01-01"],
    ["RFC 2822", "Mon, 01 Jan 2024 10:00:00 GMT"],
    ["an impossible month", "2024-13-01T10:00:00Z"],
    ["30 February, which V8 would roll into March", "2024-02-30T10:00:00Z"],
    ["hour 24", "2024-01-01T24:00:00Z"],
    ["minute 60", "2024-01-01T10:60:00Z"],
    ["a number smuggled in", 1704103200000 as unknown as string],
  ])("rejects %s", (_label, input) => {
    expect(() => toIsoUtc(input)).toThrow(InvalidInstantError);
  });
});
