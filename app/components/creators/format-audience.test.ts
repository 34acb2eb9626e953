import { describe, expect, test } from "vitest";
import { formatAudience } from "./format-audience";

describe("formatAudience", () => {
  test.each([
    ["under a thousand stays exact", 950, "en", "950"],
    ["thousands", 12_400, "en", "12.4K"],
    ["round thousands", 10_000, "en", "10K"],
    ["millions", 1_250_000, "en", "1.3M"],
    ["zero", 0, "en", "0"],
    ["French thousands", 12_400, "fr", "12,4\u00a0k"],
    ["French millions", 2_000_000, "fr", "2\u00a0M"],
  ])("%s: %i (%s) → %j", (_label, followers, locale, expected) => {
    expect(formatAudience(followers, locale)).toBe(expected);
  });
});
