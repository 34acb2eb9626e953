import { describe, expect, test } from "vitest";
import { effectiveCredits, mainCredit, type CreditOverride } from "./effective-credits";
import type { Credit, Touch } from "./types";

const AT = "2024-06-15T12:00:00.000Z";
const touch = (kind: Touch["kind"], creatorId: string, campaignId: string | null, at = AT): Touch => ({ kind, creatorId, campaignId, at, evidence: null });
const credit = (creatorId: string, campaignId: string | null, ppm: number, role: Credit["role"], kind: Credit["kind"] = "code"): Credit => ({
  creatorId,
  campaignId,
  ppm,
  fraction: ppm / 1e6,
  role,
  kind,
});

describe("effectiveCredits", () => {
  const touches = [touch("click", "bob", "spring", "2024-06-10T00:00:00.000Z"), touch("utm", "bob", null), touch("code", "anna", "summer")];
  const model = [credit("anna", "summer", 1_000_000, "credited"), credit("bob", "spring", 0, "assist", "utm")];

  test.each<[string, CreditOverride | null, ReturnType<typeof effectiveCredits>]>([
    ["no override: the model's credited creators, assists dropped", null, [{ creatorId: "anna", campaignId: "summer", ppm: 1_000_000, kind: "code" }]],
    [
      "override to the assisting creator: whole order, its latest signal's kind, its latest campaign",
      { creatorId: "bob", campaignId: null },
      [{ creatorId: "bob", campaignId: "spring", ppm: 1_000_000, kind: "utm" }],
    ],
    [
      "override with a campaign chosen by staff keeps that campaign",
      { creatorId: "bob", campaignId: "fall" },
      [{ creatorId: "bob", campaignId: "fall", ppm: 1_000_000, kind: "utm" }],
    ],
    [
      "override to the code's creator counts a code order",
      { creatorId: "anna", campaignId: null },
      [{ creatorId: "anna", campaignId: "summer", ppm: 1_000_000, kind: "code" }],
    ],
    [
      "override to a creator with no signal on the order is manual, without campaign unless chosen",
      { creatorId: "cara", campaignId: null },
      [{ creatorId: "cara", campaignId: null, ppm: 1_000_000, kind: "manual" }],
    ],
  ])("%s", (_label, override, expected) => {
    expect(effectiveCredits(model, override, touches)).toEqual(expected);
  });

  test("an uncredited order without override has no credit", () => {
    expect(effectiveCredits([], null, [])).toEqual([]);
  });
});

describe("mainCredit", () => {
  test.each([
    ["no credit", [], null],
    ["the largest share", [{ creatorId: "a", campaignId: null, ppm: 400_000 }, { creatorId: "b", campaignId: "x", ppm: 600_000 }], { creatorId: "b", campaignId: "x" }],
    ["a tie goes to the first listed", [{ creatorId: "a", campaignId: "y", ppm: 500_000 }, { creatorId: "b", campaignId: null, ppm: 500_000 }], { creatorId: "a", campaignId: "y" }],
    ["zero shares are not credit", [{ creatorId: "a", campaignId: null, ppm: 0 }], null],
  ])("%s", (_label, credits, expected) => {
    expect(mainCredit(credits)).toEqual(expected);
  });
});
