import { describe, expect, test } from "vitest";
import { MetricsInputError } from "../errors";
import { assertHorizonDays, toEpochMs } from "./instant";

describe("toEpochMs", () => {
  test.each([
    ["a UTC string", "2024-01-01T00:00:00Z", 1_704_067_200_000],
    ["a string with an offset", "2024-01-01T01:00:00+01:00", 1_704_067_200_000],
    ["milliseconds", "2024-01-01T00:00:00.250Z", 1_704_067_200_250],
    ["a Date", new Date(1_704_067_200_000), 1_704_067_200_000],
  ])("%s", (_label, value, expected) => {
    expect(toEpochMs("t", value)).toBe(expected);
  });

  test.each([
    ["a string without a zone, which would be read in local time", "2024-01-01T00:00:00"],
    ["a bare day", "2024-01-01"],
    ["an invalid Date", new Date(Number.NaN)],
    ["an impossible time", "2024-01-01T25:00:00Z"],
  ])("%s is refused", (_label, value) => {
    expect(() => toEpochMs("t", value)).toThrow(MetricsInputError);
  });
});

describe("assertHorizonDays", () => {
  test.each([["zero", 0], ["negative", -30], ["fractional", 1.5], ["NaN", Number.NaN]])("%s days is refused", (_l, d) => {
    expect(() => assertHorizonDays(d)).toThrow(MetricsInputError);
  });
});
