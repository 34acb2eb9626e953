import { describe, expect, test } from "vitest";
import { campaignSlug, MAX_CAMPAIGN_SLUG_LENGTH, uniqueCampaignSlug } from "./campaign-slug";

describe("campaignSlug", () => {
  test.each([
    ["plain words", "Summer Launch", "summer-launch"],
    ["accents are folded", "Soldes d'été", "soldes-d-ete"],
    ["punctuation and repeated spaces collapse", "  Black   Friday!!  2026 ", "black-friday-2026"],
    ["already a slug", "spring-drop", "spring-drop"],
    ["ligatures and compatibility forms", "Œuvre ﬁne", "oeuvre-fine"],
    ["letters NFKD keeps whole", "Straße Øst Łódź", "strasse-ost-lodz"],
    ["only symbols falls back", "!!! ???", "campaign"],
    ["non-Latin only falls back", "夏のセール", "campaign"],
    ["empty name falls back", "", "campaign"],
  ])("%s: %j → %j", (_label, name, expected) => {
    expect(campaignSlug(name)).toBe(expected);
  });

  test("long names are cut at 48 characters without a trailing hyphen", () => {
    const slug = campaignSlug(`${"a".repeat(47)} bcd`);
    expect(slug).toBe("a".repeat(47));
    expect(campaignSlug("word ".repeat(30)).length).toBeLessThanOrEqual(MAX_CAMPAIGN_SLUG_LENGTH);
  });
});

describe("uniqueCampaignSlug", () => {
  test.each([
    ["free slug is kept", "summer", [], "summer"],
    ["taken slug gets -2", "summer", ["summer"], "summer-2"],
    ["next free suffix", "summer", ["summer", "summer-2", "summer-3"], "summer-4"],
    ["a gap is reused", "summer", ["summer", "summer-3"], "summer-2"],
    ["unrelated slugs do not matter", "summer", ["winter"], "summer"],
  ])("%s", (_label, base, taken, expected) => {
    expect(uniqueCampaignSlug(base, new Set(taken))).toBe(expected);
  });

  test("a suffix on a 48-character slug keeps the length limit", () => {
    const base = "b".repeat(48);
    const slug = uniqueCampaignSlug(base, new Set([base]));
    expect(slug).toBe(`${"b".repeat(46)}-2`);
    expect(slug.length).toBe(MAX_CAMPAIGN_SLUG_LENGTH);
  });
});
