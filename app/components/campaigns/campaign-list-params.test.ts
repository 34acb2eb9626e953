import { describe, expect, test } from "vitest";
import { campaignListSearch, parseCampaignListParams, type CampaignListParams } from "./campaign-list-params";

const defaults = { query: "", tab: "current", sort: "createdAt", direction: "desc", page: 1, pageSize: 25 };

describe("parseCampaignListParams", () => {
  test.each([
    ["no parameters: current campaigns, newest first", "", defaults],
    ["search, tab and sort", "q=%20summer&tab=archived&sort=startsAt&direction=asc&page=2", { ...defaults, query: "summer", tab: "archived", sort: "startsAt", direction: "asc", page: 2 }],
    ["Shopify's parameters are ignored", "shop=a.myshopify.com&locale=fr", defaults],
  ])("%s", (_label, search, expected) => {
    expect(parseCampaignListParams(new URLSearchParams(search))).toEqual(expected);
  });

  test.each([
    ["an unknown tab", "tab=deleted"],
    ["an unknown sort", "sort=budget"],
    ["page zero", "page=0"],
    ["a direction in words", "direction=up"],
  ])("refuses %s", (_label, search) => {
    expect(parseCampaignListParams(new URLSearchParams(search))).toHaveProperty("error");
  });
});

describe("campaignListSearch", () => {
  test.each<[string, string, Partial<CampaignListParams>, string]>([
    ["keeps the locale", "locale=fr", { query: "summer" }, "?locale=fr&q=summer"],
    ["defaults drop the parameter", "tab=archived&page=2", { tab: "current", page: 1 }, "?"],
    ["sort is written", "", { sort: "name", direction: "asc" }, "?sort=name&direction=asc"],
  ])("%s", (_label, current, next, expected) => {
    expect(campaignListSearch(new URLSearchParams(current), next)).toBe(expected);
  });
});
