import { describe, expect, test } from "vitest";
import { codeKey } from "./code-key";

describe("codeKey", () => {
  test.each([
    ["lower case", "emma15", "EMMA15"],
    ["mixed case", "Emma15", "EMMA15"],
    ["already upper", "EMMA15", "EMMA15"],
    ["spaces around", " emma15 ", "EMMA15"],
    ["hyphen kept", "summer-sale", "SUMMER-SALE"],
  ])("%s", (_label, code, expected) => {
    expect(codeKey(code)).toBe(expected);
  });

  test("codes differing only by case collide", () => {
    expect(codeKey("emma15")).toBe(codeKey("EMMA15"));
  });
});
