import { describe, expect, test } from "vitest";
import { PLATFORMS, isPlatform, parsePlatform } from "./platforms";

describe("parsePlatform", () => {
  test.each([
    ["canonical name", "instagram", "instagram"],
    ["upper case", "INSTAGRAM", "instagram"],
    ["surrounding spaces", "  TikTok ", "tiktok"],
    ["ig alias", "ig", "instagram"],
    ["IG alias in capitals", "IG", "instagram"],
    ["x is Twitter", "X", "twitter"],
    ["yt alias", "yt", "youtube"],
    ["fb alias", "Fb", "facebook"],
    ["blog", "Blog", "blog"],
    ["other", "other", "other"],
    ["linkedin", "LinkedIn", "linkedin"],
    ["unknown platform", "myspace", null],
    ["empty", "", null],
    ["alias with a typo", "i g", null],
    ["prototype key is not a platform", "constructor", null],
    ["toString is not a platform", "toString", null],
    ["__proto__ is not a platform", "__proto__", null],
  ])("%s: %j → %j", (_label, raw, expected) => {
    expect(parsePlatform(raw)).toBe(expected);
  });

  test("every canonical platform parses to itself", () => {
    for (const platform of PLATFORMS) expect(parsePlatform(platform)).toBe(platform);
    expect(PLATFORMS).toHaveLength(11);
  });
});

describe("isPlatform", () => {
  test.each([
    ["canonical", "youtube", true],
    ["alias is not canonical", "yt", false],
    ["case matters", "YouTube", false],
  ])("%s", (_label, value, expected) => {
    expect(isPlatform(value)).toBe(expected);
  });
});
