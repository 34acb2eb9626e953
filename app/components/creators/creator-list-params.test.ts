import { describe, expect, test } from "vitest";
import { creatorListSearch, InvalidListParamsError, parseCreatorListParams, type CreatorListParams } from "./creator-list-params";

const defaults = { query: "", tier: [], platform: [], status: "active", sort: "createdAt", direction: "desc", page: 1, pageSize: 25 };

describe("parseCreatorListParams", () => {
  test.each([
    ["no parameters: active creators, newest first", "", defaults],
    ["search text is trimmed", "q=%20emma%20", { ...defaults, query: "emma" }],
    ["tiers comma-separated", "tier=micro,mega", { ...defaults, tier: ["micro", "mega"] }],
    ["tiers repeated", "tier=micro&tier=mid", { ...defaults, tier: ["micro", "mid"] }],
    ["platforms and status", "platform=tiktok&status=all", { ...defaults, platform: ["tiktok"], status: "all" }],
    ["sort and page", "sort=followers&direction=asc&page=3&pageSize=10", { ...defaults, sort: "followers", direction: "asc", page: 3, pageSize: 10 }],
    ["Shopify's own parameters are ignored", "shop=a.myshopify.com&host=abc&locale=fr&embedded=1", defaults],
  ])("%s", (_label, search, expected) => {
    expect(parseCreatorListParams(new URLSearchParams(search))).toEqual(expected);
  });

  test.each([
    ["an unknown tier", "tier=giga"],
    ["an alias instead of a platform", "platform=ig"],
    ["an unknown sort", "sort=email"],
    ["page zero", "page=0"],
    ["a page that is not a number", "page=two"],
    ["a page size over 100", "pageSize=1000"],
    ["an unknown status", "status=deleted"],
  ])("refuses %s", (_label, search) => {
    expect(() => parseCreatorListParams(new URLSearchParams(search))).toThrow(InvalidListParamsError);
  });
});

describe("creatorListSearch", () => {
  test.each<[string, string, Partial<CreatorListParams>, string]>([
    ["keeps the locale and Shopify's parameters", "locale=fr&host=abc", { query: "emma" }, "?locale=fr&host=abc&q=emma"],
    ["a default value removes the parameter", "q=emma&page=3", { query: "", page: 1 }, "?"],
    ["lists are comma-joined", "", { tier: ["nano", "micro"] }, "?tier=nano%2Cmicro"],
    ["untouched values stay", "sort=name&direction=asc", { page: 2 }, "?sort=name&direction=asc&page=2"],
  ])("%s", (_label, current, next, expected) => {
    expect(creatorListSearch(new URLSearchParams(current), next)).toBe(expected);
  });

  test("what it writes reads back", () => {
    const state = { query: "a_b", tier: ["mid" as const], platform: ["youtube" as const], status: "all" as const, sort: "tier" as const, direction: "asc" as const, page: 4 };
    expect(parseCreatorListParams(new URLSearchParams(creatorListSearch(new URLSearchParams(), state)))).toEqual({ ...state, pageSize: 25 });
  });
});
