import { describe, expect, test } from "vitest";
import { handleKey, normalizeHandle } from "./normalize-handle";

describe("normalizeHandle", () => {
  test.each([
    ["plain handle", "emma", "emma"],
    ["leading @ is dropped", "@emma", "emma"],
    ["spaces around are trimmed", "  @emma.style  ", "emma.style"],
    ["case is kept for display", "EmmaStyle", "EmmaStyle"],
    ["dots, underscores, hyphens and digits", "emma_style-2.0", "emma_style-2.0"],
    ["accented letters are letters", "zoé", "zoé"],
    ["decomposed accents are recomposed (NFC)", "zoe\u0301", "zoé"],
    ["non-Latin scripts are letters", "анна", "анна"],
    ["exactly 64 characters", "a".repeat(64), "a".repeat(64)],
    ["64 accented characters count as 64", "é".repeat(64), "é".repeat(64)],
  ])("%s: %j → %j", (_label, raw, expected) => {
    expect(normalizeHandle(raw)).toEqual({ ok: true, handle: expected });
  });

  test.each([
    ["empty", "", "empty"],
    ["only spaces", "   ", "empty"],
    ["only @", "@", "empty"],
    ["65 characters", "a".repeat(65), "too_long"],
    ["inner space", "emma style", "invalid_characters"],
    ["two @", "@@emma", "invalid_characters"],
    ["@ in the middle", "emma@style", "invalid_characters"],
    ["slash", "emma/style", "invalid_characters"],
    ["URL pasted instead of handle", "https://instagram.com/emma", "invalid_characters"],
    ["tab", "emma\tstyle", "invalid_characters"],
    ["newline", "emma\nstyle", "invalid_characters"],
    ["NUL", "emma\u0000", "invalid_characters"],
    ["zero-width space", "emma\u200b", "invalid_characters"],
    ["emoji", "emma🔥", "invalid_characters"],
    ["formula payload", "=HYPERLINK(1)", "invalid_characters"],
    ["quote", "emma'", "invalid_characters"],
  ])("%s is refused (%s)", (_label, raw, error) => {
    const result = normalizeHandle(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe(error);
      expect(result.message.length).toBeGreaterThan(0);
    }
  });
});

describe("handleKey", () => {
  test.each([
    ["lower-cases", "EmmaStyle", "emmastyle"],
    ["@ and case do not make a different creator", "@EMMA", "emma"],
    ["accented capitals", "ZOÉ", "zoé"],
    ["decomposed and composed accents give the same key", "Zoe\u0301", "zoé"],
  ])("%s: %j → %j", (_label, handle, expected) => {
    expect(handleKey(handle)).toBe(expected);
  });

  test("two spellings of one creator share a key", () => {
    expect(handleKey("Emma.Style")).toBe(handleKey("@emma.style"));
  });
});
