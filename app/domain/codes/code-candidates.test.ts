import { describe, expect, test } from "vitest";
import { codeCandidates } from "./code-candidates";
import { InvalidDiscountCodeError } from "./errors";

function first(base: string, count: number, maxLength?: number): string[] {
  const out: string[] = [];
  for (const candidate of codeCandidates(base, maxLength)) {
    out.push(candidate);
    if (out.length === count) break;
  }
  return out;
}

describe("codeCandidates", () => {
  test.each([
    ["a letter ending takes the counter directly", "EMMA", 4, undefined, ["EMMA", "EMMA2", "EMMA3", "EMMA4"]],
    ["a digit ending sets the counter off with -", "EMMA15", 3, undefined, ["EMMA15", "EMMA15-2", "EMMA15-3"]],
    ["an underscore ending takes the counter directly", "EMMA_", 2, undefined, ["EMMA_", "EMMA_2"]],
    ["at the cap the base is shortened, not the counter", "ABCDEFGH", 3, 8, ["ABCDEFGH", "ABCDEFG2", "ABCDEFG3"]],
    ["a two-digit counter shortens the base further", "ABCDEFGH", 10, 8, [
      "ABCDEFGH", "ABCDEFG2", "ABCDEFG3", "ABCDEFG4", "ABCDEFG5", "ABCDEFG6", "ABCDEFG7", "ABCDEFG8", "ABCDEFG9", "ABCDEF10",
    ]],
    ["a digit-ending base at the cap is shortened until the counter fits", "EMMA15", 3, 6, ["EMMA15", "EMMA2", "EMMA3"]],
    ["a shortened stem that still ends in a digit keeps the -", "EMMA15", 2, 7, ["EMMA15", "EMMA1-2"]],
    ["a base shorter than the cap grows into it", "EMMA15", 2, 8, ["EMMA15", "EMMA15-2"]],
  ])("%s", (_label, base, count, maxLength, expected) => {
    expect(first(base, count, maxLength)).toEqual(expected);
  });

  test("candidates at the default cap of 32 never exceed it", () => {
    const base = "A".repeat(32);
    const candidates = first(base, 120);
    expect(candidates).toHaveLength(120);
    expect(candidates[1]).toBe(`${"A".repeat(31)}2`);
    expect(candidates[119]).toBe(`${"A".repeat(29)}120`);
    for (const candidate of candidates) expect(candidate.length).toBeLessThanOrEqual(32);
    expect(new Set(candidates).size).toBe(120);
  });

  test("the sequence ends when no letter of the base is left", () => {
    // cap 2: "AB", "A2" ... "A9", then "10" would leave no base letter.
    expect(first("AB", 100, 2)).toEqual(["AB", "A2", "A3", "A4", "A5", "A6", "A7", "A8", "A9"]);
  });

  test.each([
    ["a lower-case base", "emma"],
    ["a base with spaces around", " EMMA"],
    ["a base with a space", "EM MA"],
    ["an empty base", ""],
    ["a base longer than the cap", "A".repeat(33)],
  ])("refuses %s", (_label, base) => {
    expect(() => first(base, 1)).toThrow(InvalidDiscountCodeError);
  });

  test("refuses a base longer than a custom cap", () => {
    expect(() => first("EMMA15", 1, 4)).toThrow(InvalidDiscountCodeError);
  });

  test.each([[0], [33], [2.5]])("refuses cap %s", (maxLength) => {
    expect(() => first("EMMA", 1, maxLength)).toThrow(RangeError);
  });
});
