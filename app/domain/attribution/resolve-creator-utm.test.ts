import { describe, expect, test } from "vitest";
import { EMPTY_UTM, type Utm } from "~/domain/orders";
import { resolveCreatorUtm, utmEvidence } from "./resolve-creator-utm";

const ctx = {
  utmContentHandles: new Map([["anna", { creatorId: "anna", campaignId: "evergreen" }]]),
  utmCampaigns: new Map([
    ["summer-24", { campaignId: "summer", creatorId: null }],
    ["anna-drop", { campaignId: "drop", creatorId: "anna" }],
    ["bob-drop", { campaignId: "bobdrop", creatorId: "bob" }],
  ]),
};
const utm = (fields: Partial<Utm>): Utm => ({ ...EMPTY_UTM, ...fields });

describe("resolveCreatorUtm", () => {
  test.each([
    ["handle and shared campaign", utm({ medium: "influencer", content: "anna", campaign: "summer-24" }), { creatorId: "anna", campaignId: "summer" }],
    ["handle and the creator's own campaign slug", utm({ medium: "influencer", content: "anna", campaign: "anna-drop" }), { creatorId: "anna", campaignId: "drop" }],
    ["handle with another creator's slug keeps the handle's campaign", utm({ medium: "influencer", content: "anna", campaign: "bob-drop" }), { creatorId: "anna", campaignId: "evergreen" }],
    ["handle with an unknown campaign keeps the handle's campaign", utm({ medium: "influencer", content: "anna", campaign: "mystery" }), { creatorId: "anna", campaignId: "evergreen" }],
    ["a creator-specific slug alone", utm({ medium: "influencer", campaign: "BOB-DROP" }), { creatorId: "bob", campaignId: "bobdrop" }],
    ["a shared slug alone names no creator", utm({ medium: "influencer", campaign: "summer-24" }), null],
    ["padded values are trimmed", utm({ medium: " influencer ", content: " Anna " }), { creatorId: "anna", campaignId: "evergreen" }],
    ["no medium", utm({ content: "anna" }), null],
    ["another medium", utm({ medium: "email", content: "anna" }), null],
    ["no UTM at all", EMPTY_UTM, null],
  ])("%s", (_label, input, expected) => {
    expect(resolveCreatorUtm(input, ctx)).toEqual(expected);
  });
});

describe("utmEvidence", () => {
  test.each([
    ["all five in a fixed order", utm({ term: "t", content: "c", campaign: "ca", medium: "m", source: "s" }), "utm_source=s&utm_medium=m&utm_campaign=ca&utm_content=c&utm_term=t"],
    ["only present values", utm({ medium: "influencer" }), "utm_medium=influencer"],
    ["values are encoded", utm({ campaign: "spring sale&more" }), "utm_campaign=spring+sale%26more"],
    ["nothing", EMPTY_UTM, ""],
  ])("%s", (_label, input, expected) => {
    expect(utmEvidence(input)).toBe(expected);
  });
});
