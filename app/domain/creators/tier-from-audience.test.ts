import { describe, expect, test } from "vitest";
import { tierFromAudience } from "./tier-from-audience";

const one = (followers: number) => [{ platform: "instagram", followers }];

describe("tierFromAudience", () => {
  test.each([
    ["no platforms is nano", [], "nano"],
    ["zero followers is nano", one(0), "nano"],
    ["9,999 is still nano", one(9_999), "nano"],
    ["exactly 10k is micro", one(10_000), "micro"],
    ["99,999 is still micro", one(99_999), "micro"],
    ["exactly 100k is mid", one(100_000), "mid"],
    ["499,999 is still mid", one(499_999), "mid"],
    ["exactly 500k is macro", one(500_000), "macro"],
    ["999,999 is still macro", one(999_999), "macro"],
    ["exactly 1M is mega", one(1_000_000), "mega"],
    ["250M is mega", one(250_000_000), "mega"],
  ] as const)("%s", (_label, platforms, expected) => {
    expect(tierFromAudience(platforms)).toBe(expected);
  });

  test.each([
    [
      "the largest platform decides, not the first",
      [
        { platform: "instagram", followers: 8_000 },
        { platform: "youtube", followers: 120_000 },
      ],
      "mid",
    ],
    [
      "audiences are not summed across platforms (6k + 6k stays nano)",
      [
        { platform: "instagram", followers: 6_000 },
        { platform: "tiktok", followers: 6_000 },
      ],
      "nano",
    ],
    [
      "a small blog does not lower a big TikTok",
      [
        { platform: "tiktok", followers: 2_000_000 },
        { platform: "blog", followers: 100 },
      ],
      "mega",
    ],
  ] as const)("%s", (_label, platforms, expected) => {
    expect(tierFromAudience(platforms)).toBe(expected);
  });

  test.each([
    ["negative followers", -1],
    ["fractional followers", 1.5],
    ["NaN followers", Number.NaN],
    ["infinite followers", Number.POSITIVE_INFINITY],
  ])("%s is refused, not coerced", (_label, followers) => {
    expect(() => tierFromAudience(one(followers))).toThrow(RangeError);
  });
});
