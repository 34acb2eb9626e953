import { describe, expect, test } from "vitest";
import { EMPTY_UTM, type Utm } from "~/domain/orders";
import { collectTouches } from "./collect-touches";
import { AttributionInputError } from "./errors";
import type { AttributionContext, CreatorClick, Touch } from "./types";

const ORDER_AT = "2024-06-15T12:00:00.000Z";
const daysBefore = (days: number, hours = 0) => new Date(Date.parse(ORDER_AT) - days * 86_400_000 - hours * 3_600_000).toISOString();

const baseCtx: AttributionContext = {
  codes: new Map([
    ["ANNA10", { creatorId: "anna", campaignId: "summer" }],
    ["BOB5", { creatorId: "bob", campaignId: "spring" }],
  ]),
  utmContentHandles: new Map([
    ["anna", { creatorId: "anna", campaignId: null }],
    ["bob", { creatorId: "bob", campaignId: null }],
  ]),
  utmCampaigns: new Map([
    ["summer-24", { campaignId: "summer", creatorId: null }],
    ["bob-exclusive", { campaignId: "spring", creatorId: "bob" }],
  ]),
  clicks: [],
  windowDays: 30,
};

const utm = (fields: Partial<Utm>): Utm => ({ ...EMPTY_UTM, ...fields });
const order = (fields: { codes?: string[]; utm?: Utm } = {}) => ({ processedAt: ORDER_AT, codes: fields.codes ?? [], utm: fields.utm ?? EMPTY_UTM });
const click = (creatorId: string, at: string, campaignId: string | null = null): CreatorClick => ({ creatorId, campaignId, at });

describe("collectTouches", () => {
  test.each<[string, ReturnType<typeof order>, Partial<AttributionContext>, Touch[]]>([
    ["no signal, no touch", order(), {}, []],
    [
      "a creator's code",
      order({ codes: ["ANNA10"] }),
      {},
      [{ kind: "code", creatorId: "anna", campaignId: "summer", at: ORDER_AT, evidence: "ANNA10" }],
    ],
    [
      "a code is matched case-insensitively",
      order({ codes: ["anna10"] }),
      {},
      [{ kind: "code", creatorId: "anna", campaignId: "summer", at: ORDER_AT, evidence: "ANNA10" }],
    ],
    ["a code that is no creator's is ignored", order({ codes: ["WELCOME10"] }), {}, []],
    [
      "two creators' codes give two code touches",
      order({ codes: ["BOB5", "ANNA10"] }),
      {},
      [
        { kind: "code", creatorId: "anna", campaignId: "summer", at: ORDER_AT, evidence: "ANNA10" },
        { kind: "code", creatorId: "bob", campaignId: "spring", at: ORDER_AT, evidence: "BOB5" },
      ],
    ],
    [
      "a landing UTM: handle in utm_content, campaign from utm_campaign",
      order({ utm: utm({ source: "ig", medium: "influencer", campaign: "summer-24", content: "anna" }) }),
      {},
      [{ kind: "utm", creatorId: "anna", campaignId: "summer", at: ORDER_AT, evidence: "utm_source=ig&utm_medium=influencer&utm_campaign=summer-24&utm_content=anna" }],
    ],
    [
      "medium and handle are matched case-insensitively",
      order({ utm: utm({ medium: "Influencer", content: "ANNA" }) }),
      {},
      [{ kind: "utm", creatorId: "anna", campaignId: null, at: ORDER_AT, evidence: "utm_medium=Influencer&utm_content=ANNA" }],
    ],
    ["a UTM without the influencer medium is not a creator's", order({ utm: utm({ medium: "social", content: "anna" }) }), {}, []],
    ["an influencer UTM naming no known creator is ignored", order({ utm: utm({ medium: "influencer", content: "zoe", campaign: "summer-24" }) }), {}, []],
    [
      "a creator-specific campaign slug names the creator when utm_content is absent",
      order({ utm: utm({ medium: "influencer", campaign: "bob-exclusive" }) }),
      {},
      [{ kind: "utm", creatorId: "bob", campaignId: "spring", at: ORDER_AT, evidence: "utm_medium=influencer&utm_campaign=bob-exclusive" }],
    ],
    [
      "another creator's campaign slug does not move the handle's creator into it",
      order({ utm: utm({ medium: "influencer", content: "anna", campaign: "bob-exclusive" }) }),
      {},
      [{ kind: "utm", creatorId: "anna", campaignId: null, at: ORDER_AT, evidence: "utm_medium=influencer&utm_campaign=bob-exclusive&utm_content=anna" }],
    ],
    [
      "a shop can mark other mediums as creator links",
      order({ utm: utm({ medium: "creator", content: "anna" }) }),
      { creatorMediums: ["creator"] },
      [{ kind: "utm", creatorId: "anna", campaignId: null, at: ORDER_AT, evidence: "utm_medium=creator&utm_content=anna" }],
    ],
    [
      "a click inside the window",
      order(),
      { clicks: [click("bob", daysBefore(3), "spring")] },
      [{ kind: "click", creatorId: "bob", campaignId: "spring", at: daysBefore(3), evidence: null }],
    ],
    [
      "a click exactly 30 days before is inside a 30-day window",
      order(),
      { clicks: [click("bob", daysBefore(30))] },
      [{ kind: "click", creatorId: "bob", campaignId: null, at: daysBefore(30), evidence: null }],
    ],
    ["a click 30 days and an hour before is outside", order(), { clicks: [click("bob", daysBefore(30, 1))] }, []],
    ["a click after the order cannot have caused it", order(), { clicks: [click("bob", daysBefore(0, -1))] }, []],
    [
      "a click given as a Date is stored as ISO UTC",
      order(),
      { clicks: [click("bob", new Date(Date.parse(ORDER_AT) - 60_000) as unknown as string)] },
      [{ kind: "click", creatorId: "bob", campaignId: null, at: "2024-06-15T11:59:00.000Z", evidence: null }],
    ],
    [
      "the same click twice is one touch",
      order(),
      { clicks: [click("bob", daysBefore(2)), click("bob", daysBefore(2))] },
      [{ kind: "click", creatorId: "bob", campaignId: null, at: daysBefore(2), evidence: null }],
    ],
    [
      "journey first and last visits with creator UTMs",
      order(),
      {
        journey: {
          first: { utm: utm({ medium: "influencer", content: "bob" }), at: daysBefore(20) },
          last: { utm: utm({ medium: "influencer", content: "anna", campaign: "summer-24" }), at: daysBefore(0, 2) },
        },
      },
      [
        { kind: "journey_first", creatorId: "bob", campaignId: null, at: daysBefore(20), evidence: "utm_medium=influencer&utm_content=bob" },
        { kind: "journey_last", creatorId: "anna", campaignId: "summer", at: daysBefore(0, 2), evidence: "utm_medium=influencer&utm_campaign=summer-24&utm_content=anna" },
      ],
    ],
    [
      "a journey visit outside the window is dropped",
      order(),
      { journey: { first: { utm: utm({ medium: "influencer", content: "bob" }), at: daysBefore(45) }, last: null } },
      [],
    ],
    [
      "all signals sorted in time; at one instant the UTM comes before the code",
      order({ codes: ["ANNA10"], utm: utm({ medium: "influencer", content: "bob" }) }),
      { clicks: [click("anna", daysBefore(1)), click("bob", daysBefore(5))] },
      [
        { kind: "click", creatorId: "bob", campaignId: null, at: daysBefore(5), evidence: null },
        { kind: "click", creatorId: "anna", campaignId: null, at: daysBefore(1), evidence: null },
        { kind: "utm", creatorId: "bob", campaignId: null, at: ORDER_AT, evidence: "utm_medium=influencer&utm_content=bob" },
        { kind: "code", creatorId: "anna", campaignId: "summer", at: ORDER_AT, evidence: "ANNA10" },
      ],
    ],
  ])("%s", (_label, orderInput, ctxChanges, expected) => {
    expect(collectTouches(orderInput, { ...baseCtx, ...ctxChanges })).toEqual(expected);
  });

  test.each([
    ["a negative window", { windowDays: -1 }],
    ["a fractional window", { windowDays: 1.5 }],
  ])("rejects %s", (_label, ctxChanges) => {
    expect(() => collectTouches(order(), { ...baseCtx, ...ctxChanges })).toThrow(AttributionInputError);
  });
});
