import { describe, expect, test } from "vitest";
import { normalizeCode } from "./normalize-code";

describe("normalizeCode", () => {
  test.each([
    ["upper-cases", "anna10", "ANNA10"],
    ["trims", "  Anna10 ", "ANNA10"],
    ["keeps inner characters", "summer-24_x", "SUMMER-24_X"],
    ["is locale-independent (Turkish i stays I)", "kiz", "KIZ"],
    ["empty is no code", "", null],
    ["blank is no code", "   ", null],
  ])("%s", (_label, code, expected) => {
    expect(normalizeCode(code)).toBe(expected);
  });
});
