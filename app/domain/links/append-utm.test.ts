import { describe, expect, test } from "vitest";
import { appendUtm } from "./append-utm";
import type { UtmSet } from "./build-utm";

const utm: UtmSet = { utm_source: "instagram", utm_medium: "influencer", utm_campaign: "summer-24", utm_content: "emma" };
const tail = "utm_source=instagram&utm_medium=influencer&utm_campaign=summer-24&utm_content=emma";

describe("appendUtm", () => {
  test.each([
    ["path without a query", "/products/x", `/products/x?${tail}`],
    ["home", "/", `/?${tail}`],
    ["keeps the existing query as written", "/collections/summer?sort=price&q=a%20b", `/collections/summer?sort=price&q=a%20b&${tail}`],
    ["drops UTMs already in the path", "/x?utm_source=facebook&a=1&UTM_CAMPAIGN=old", `/x?a=1&${tail}`],
    ["drops encoded UTM keys too", "/x?utm%5Fsource=facebook", `/x?${tail}`],
    ["keeps parameters that only look like UTMs", "/x?utm_sourcey=1", `/x?utm_sourcey=1&${tail}`],
    ["ignores empty pairs", "/x?&&a=1&", `/x?a=1&${tail}`],
    ["a lone ? is replaced", "/x?", `/x?${tail}`],
  ])("%s", (_label, path, expected) => {
    expect(appendUtm(path, utm)).toBe(expected);
  });

  test("values are encoded and the term comes last", () => {
    expect(appendUtm("/x", { ...utm, utm_campaign: "Noël & co", utm_term: "a=b" })).toBe(
      "/x?utm_source=instagram&utm_medium=influencer&utm_campaign=No%C3%ABl%20%26%20co&utm_content=emma&utm_term=a%3Db",
    );
  });
});
