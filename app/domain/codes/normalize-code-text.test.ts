import { describe, expect, test } from "vitest";
import { normalizeCodeText } from "./normalize-code-text";

describe("normalizeCodeText", () => {
  test.each([
    ["upper-cased", "emma15", "EMMA15"],
    ["trimmed", "  EMMA15 ", "EMMA15"],
    ["hyphen and underscore allowed", "summer-sale_15", "SUMMER-SALE_15"],
    ["digits only", "2024", "2024"],
    ["one character", "a", "A"],
    ["exactly 32 characters", "A".repeat(32), "A".repeat(32)],
  ])("%s: %j → %j", (_label, input, expected) => {
    expect(normalizeCodeText(input)).toEqual({ ok: true, code: expected });
  });

  test.each([
    ["empty", "", "empty"],
    ["spaces only", "   ", "empty"],
    ["33 characters", "A".repeat(33), "too_long"],
    ["Shopify's 255 is still over our cap", "A".repeat(255), "too_long"],
    ["inner space", "EMMA 15", "invalid_characters"],
    ["accent", "ZOÉ10", "invalid_characters"],
    ["percent sign", "EMMA15%", "invalid_characters"],
    ["slash", "EMMA/15", "invalid_characters"],
    ["dot", "EMMA.15", "invalid_characters"],
    ["formula payload", "=1+1", "invalid_characters"],
    ["tab", "EMMA\t15", "invalid_characters"],
    ["newline", "EMMA\n15", "invalid_characters"],
    ["NUL", "EMMA\u000015", "invalid_characters"],
    ["full-width letters", "ＥＭＭＡ", "invalid_characters"],
    ["emoji", "EMMA🔥", "invalid_characters"],
  ])("refuses %s (%s)", (_label, input, error) => {
    const result = normalizeCodeText(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toBe(error);
      expect(result.message).not.toBe("");
    }
  });

  test("the too-long message says how long the code is", () => {
    expect(normalizeCodeText("A".repeat(40))).toEqual({
      ok: false,
      error: "too_long",
      message: "A discount code can be at most 32 characters (this one has 40).",
    });
  });
});
