import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { RandomSourceError } from "./errors";
import { generateLinkSlug, isValidSlug, SLUG_ALPHABET } from "./link-slug";

/** Deterministic bytes from a fixed sequence, repeated as needed. */
function bytesFrom(values: number[]) {
  let position = 0;
  return (size: number) => {
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i++) out[i] = values[position++ % values.length] as number;
    return out;
  };
}

describe("generateLinkSlug", () => {
  test.each([
    ["bytes map to base62 by value mod 62", [0, 1, 2, 3, 10, 35, 36, 61], "0123AZaz"],
    ["62 wraps to 0, 123 to z", [62, 123, 124, 185, 186, 247, 0, 0], "0z0z0z00"],
    ["bytes 248..255 are skipped (no modulo bias)", [248, 255, 0, 250, 1, 2, 3, 4, 5, 6, 7], "01234567"],
  ])("%s", (_label, values, expected) => {
    expect(generateLinkSlug(bytesFrom(values))).toBe(expected);
  });

  test("a real random source gives valid, varied slugs", () => {
    let counter = 0;
    const source = (size: number) => {
      const digest = createHash("sha256").update(String(counter++)).digest();
      return new Uint8Array(digest.subarray(0, size));
    };
    const slugs = Array.from({ length: 1000 }, () => generateLinkSlug(source));
    for (const slug of slugs) expect(isValidSlug(slug)).toBe(true);
    expect(new Set(slugs).size).toBe(1000);
    const used = new Set(slugs.join(""));
    expect(used.size).toBe(SLUG_ALPHABET.length);
  });

  test.each([
    ["a source that only gives unusable bytes", () => new Uint8Array(16).fill(255)],
    ["a source that gives nothing", () => new Uint8Array(0)],
    ["a source that gives a plain array", () => [1, 2, 3] as unknown as Uint8Array],
  ])("refuses %s", (_label, source) => {
    expect(() => generateLinkSlug(source)).toThrow(RandomSourceError);
  });
});

describe("isValidSlug", () => {
  test.each([
    ["8 base62 characters", "aZ09bY18", true],
    ["all digits", "01234567", true],
    ["7 characters", "aZ09bY1", false],
    ["9 characters", "aZ09bY18x", false],
    ["hyphen", "aZ09-Y18", false],
    ["underscore", "aZ09_Y18", false],
    ["slash", "aZ09/Y18", false],
    ["accented letter", "aZ09éY18", false],
    ["trailing newline", "aZ09bY18\n", false],
    ["empty", "", false],
  ])("%s: %j → %s", (_label, slug, expected) => {
    expect(isValidSlug(slug)).toBe(expected);
  });
});
