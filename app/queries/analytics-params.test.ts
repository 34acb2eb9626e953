import { describe, expect, test } from "vitest";
import { leaderboardParamsSchema, pageParamsSchema, parseSearchParams } from "./analytics-params";

describe("parseSearchParams", () => {
  test("defaults: last 30 days, by net sales, highest first, page 1", () => {
    expect(parseSearchParams(leaderboardParamsSchema, new URLSearchParams())).toEqual({
      params: { preset: "last30", sort: "netMinor", direction: "desc", page: 1 },
      error: null,
    });
  });

  test("empty form fields mean not set", () => {
    const { params, error } = parseSearchParams(leaderboardParamsSchema, new URLSearchParams("preset=last7&campaign=&tier=&platform=&compensation=&from=&to="));
    expect(error).toBeNull();
    expect(params).toEqual({ preset: "last7", sort: "netMinor", direction: "desc", page: 1 });
  });

  test("a full request", () => {
    const search = new URLSearchParams("preset=custom&from=2024-01-01&to=2024-01-31&sort=roas&direction=asc&page=3&campaign=c1&tier=micro&platform=tiktok&compensation=none");
    expect(parseSearchParams(leaderboardParamsSchema, search).params).toEqual({
      preset: "custom",
      from: "2024-01-01",
      to: "2024-01-31",
      sort: "roas",
      direction: "asc",
      page: 3,
      campaign: "c1",
      tier: "micro",
      platform: "tiktok",
      compensation: "none",
    });
  });

  test.each([
    ["an unknown sort", "sort=followers", /^sort: /],
    ["an unknown tier", "tier=giga", /^tier: /],
    ["page zero", "page=0", /^page: /],
    ["a day written another way", "preset=custom&from=01/02/2024&to=2024-02-02", /^from: must be a day written YYYY-MM-DD/],
    ["an unknown preset", "preset=yesterday", /^preset: /],
  ])("%s falls back to the defaults and says which parameter was wrong", (_label, query, message) => {
    const { params, error } = parseSearchParams(leaderboardParamsSchema, new URLSearchParams(query));
    expect(params).toEqual({ preset: "last30", sort: "netMinor", direction: "desc", page: 1 });
    expect(error).toMatch(message);
  });

  test("the page schema has a range and a page", () => {
    expect(parseSearchParams(pageParamsSchema, new URLSearchParams("page=2&preset=mtd")).params).toEqual({ preset: "mtd", page: 2 });
  });
});
