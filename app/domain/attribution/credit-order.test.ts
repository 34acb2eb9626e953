import { describe, expect, test } from "vitest";
import { InvalidInstantError } from "~/domain/dates";
import { creditOrder, explainAttribution } from "./credit-order";
import { AttributionInputError } from "./errors";
import { CREDIT_SCALE, type AttributionModel, type Touch, type TouchKind } from "./types";

const ORDER_AT = "2024-06-15T12:00:00.000Z";
const ago = (days: number) => new Date(Date.parse(ORDER_AT) - days * 86_400_000).toISOString();

function t(kind: TouchKind, creatorId: string, at: string = ORDER_AT, campaignId: string | null = `${creatorId}-campaign`): Touch {
  return { kind, creatorId, campaignId, at, evidence: kind === "code" ? `${creatorId.toUpperCase()}10` : null };
}

/** Compact view of credits: "creator:campaign:ppm:role:kind". */
function summary(touches: Touch[], model: AttributionModel, windowDays = 30): { rule: string; credits: string[] } {
  const result = creditOrder(touches, model, ORDER_AT, windowDays);
  return {
    rule: result.winningRule,
    credits: result.credits.map((c) => `${c.creatorId}:${c.campaignId ?? "-"}:${c.ppm}:${c.role}:${c.kind}`),
  };
}

describe("creditOrder, default model (code first, then last UTM, then last click)", () => {
  test.each<[string, Touch[], string, string[]]>([
    ["no signal: nobody is credited", [], "none", []],
    ["a code alone", [t("code", "anna")], "code", ["anna:anna-campaign:1000000:credited:code"]],
    [
      "a code beats a UTM; the other creator's UTM is an assist with 0 credit",
      [t("utm", "bob"), t("code", "anna")],
      "code",
      ["anna:anna-campaign:1000000:credited:code", "bob:bob-campaign:0:assist:utm"],
    ],
    [
      "a code beats a later click of another creator",
      [t("code", "anna"), t("click", "bob", ago(0.01))],
      "code",
      ["anna:anna-campaign:1000000:credited:code", "bob:bob-campaign:0:assist:click"],
    ],
    [
      "a UTM beats a more recent click",
      [t("journey_last", "bob", ago(2)), t("click", "anna", ago(1))],
      "utm",
      ["bob:bob-campaign:1000000:credited:journey_last", "anna:anna-campaign:0:assist:click"],
    ],
    [
      "the landing page UTM beats the journey's last visit UTM of another creator",
      [t("journey_last", "bob", ago(1)), t("utm", "anna")],
      "utm",
      ["anna:anna-campaign:1000000:credited:utm", "bob:bob-campaign:0:assist:journey_last"],
    ],
    [
      "the latest click wins among clicks",
      [t("click", "anna", ago(5)), t("click", "bob", ago(2))],
      "click",
      ["bob:bob-campaign:1000000:credited:click", "anna:anna-campaign:0:assist:click"],
    ],
    [
      "a journey's first visit alone credits nobody under the default model, but is shown as an assist",
      [t("journey_first", "anna", ago(3))],
      "none",
      ["anna:anna-campaign:0:assist:journey_first"],
    ],
    [
      "two creators' codes share the order equally",
      [t("code", "anna"), t("code", "bob")],
      "code",
      ["anna:anna-campaign:500000:credited:code", "bob:bob-campaign:500000:credited:code"],
    ],
    [
      "three creators' codes: the odd part per million goes to the first",
      [t("code", "cara"), t("code", "anna"), t("code", "bob")],
      "code",
      ["anna:anna-campaign:333334:credited:code", "bob:bob-campaign:333333:credited:code", "cara:cara-campaign:333333:credited:code"],
    ],
    [
      "a creator's code and UTM on the same order: one credit, no assist",
      [t("utm", "anna"), t("code", "anna")],
      "code",
      ["anna:anna-campaign:1000000:credited:code"],
    ],
    [
      "a code counts even when dated outside the window (codes always count)",
      [t("code", "anna", ago(90))],
      "code",
      ["anna:anna-campaign:1000000:credited:code"],
    ],
    ["a click outside the window does not count", [t("click", "anna", ago(31))], "none", []],
    ["a click after the order does not count", [t("click", "anna", ago(-1))], "none", []],
    [
      "a UTM without campaign takes the creator's latest campaign seen on the order",
      [t("click", "anna", ago(3), "summer"), t("utm", "anna", ORDER_AT, null)],
      "utm",
      ["anna:summer:1000000:credited:utm"],
    ],
    [
      "no campaign anywhere: credited without campaign",
      [t("utm", "anna", ORDER_AT, null)],
      "utm",
      ["anna:-:1000000:credited:utm"],
    ],
  ])("%s", (_label, touches, rule, credits) => {
    expect(summary(touches, "code_first_last_touch")).toEqual({ rule, credits });
  });

  test.each([
    ["a 7-day window drops a click from 8 days ago", 7, "none"],
    ["a 0-day window counts only same-instant signals", 0, "none"],
    ["a 10-day window keeps it", 10, "click"],
  ])("%s", (_label, windowDays, rule) => {
    expect(summary([t("click", "anna", ago(8))], "code_first_last_touch", windowDays).rule).toBe(rule);
  });
});

describe("creditOrder, report models", () => {
  const journey = [t("journey_first", "anna", ago(10)), t("click", "bob", ago(3)), t("code", "cara")];

  test.each<[string, AttributionModel, Touch[], string, string[]]>([
    ["first touch credits the journey's first visit", "first_touch", journey, "first_touch", ["anna:anna-campaign:1000000:credited:journey_first", "bob:bob-campaign:0:assist:click", "cara:cara-campaign:0:assist:code"]],
    ["last touch credits the code at checkout", "last_touch", journey, "last_touch", ["cara:cara-campaign:1000000:credited:code", "anna:anna-campaign:0:assist:journey_first", "bob:bob-campaign:0:assist:click"]],
    ["linear: three creators, equal thirds in parts per million", "linear", journey, "linear", ["anna:anna-campaign:333334:credited:journey_first", "bob:bob-campaign:333333:credited:click", "cara:cara-campaign:333333:credited:code"]],
    [
      "linear: repeated clicks of one creator do not multiply its credit",
      "linear",
      [t("click", "anna", ago(5)), t("click", "anna", ago(4)), t("click", "anna", ago(3)), t("code", "bob")],
      "linear",
      ["anna:anna-campaign:500000:credited:click", "bob:bob-campaign:500000:credited:code"],
    ],
    ["position-based: 40/20/40 over three touches", "position_based", journey, "position_based", ["anna:anna-campaign:400000:credited:journey_first", "cara:cara-campaign:400000:credited:code", "bob:bob-campaign:200000:credited:click"]],
    [
      "position-based: four touches split the middle 20% in two",
      "position_based",
      [t("click", "a", ago(4)), t("click", "b", ago(3)), t("click", "c", ago(2)), t("click", "d", ago(1))],
      "position_based",
      ["a:a-campaign:400000:credited:click", "d:d-campaign:400000:credited:click", "b:b-campaign:100000:credited:click", "c:c-campaign:100000:credited:click"],
    ],
    [
      "position-based: five touches, middle thirds of 20%",
      "position_based",
      [t("click", "a", ago(5)), t("click", "b", ago(4)), t("click", "c", ago(3)), t("click", "d", ago(2)), t("click", "e", ago(1))],
      "position_based",
      ["a:a-campaign:400000:credited:click", "e:e-campaign:400000:credited:click", "b:b-campaign:66667:credited:click", "c:c-campaign:66667:credited:click", "d:d-campaign:66666:credited:click"],
    ],
    ["position-based: two touches are 50/50", "position_based", [t("click", "anna", ago(2)), t("code", "bob")], "position_based", ["anna:anna-campaign:500000:credited:click", "bob:bob-campaign:500000:credited:code"]],
    ["position-based: one touch takes 100%", "position_based", [t("click", "anna", ago(2))], "position_based", ["anna:anna-campaign:1000000:credited:click"]],
    [
      "position-based: a creator first and last merges to 80%",
      "position_based",
      [t("click", "anna", ago(5)), t("click", "bob", ago(3)), t("code", "anna")],
      "position_based",
      ["anna:anna-campaign:800000:credited:code", "bob:bob-campaign:200000:credited:click"],
    ],
    [
      "position-based: a landing UTM and a code of one creator at checkout are one visit",
      "position_based",
      [t("click", "bob", ago(3)), t("utm", "anna"), t("code", "anna")],
      "position_based",
      ["bob:bob-campaign:500000:credited:click", "anna:anna-campaign:500000:credited:code"],
    ],
    ["first touch ignores signals outside the window", "first_touch", [t("click", "anna", ago(40)), t("click", "bob", ago(20))], "first_touch", ["bob:bob-campaign:1000000:credited:click"]],
    ["every model credits nobody without counted signals (linear)", "linear", [t("click", "anna", ago(40))], "none", []],
    ["every model credits nobody without counted signals (position-based)", "position_based", [], "none", []],
  ])("%s", (_label, model, touches, rule, credits) => {
    expect(summary(touches, model)).toEqual({ rule, credits });
  });

  test.each<AttributionModel>(["code_first_last_touch", "first_touch", "last_touch", "linear", "position_based"])(
    "%s: credits sum to exactly one million parts whatever the number of touches",
    (model) => {
      for (let n = 1; n <= 12; n += 1) {
        const touches = Array.from({ length: n }, (_, i) => t(i % 4 === 3 ? "utm" : "click", `c${i % 7}`, ago(n - i)));
        const total = creditOrder(touches, model, ORDER_AT, 30).credits.reduce((sum, c) => sum + c.ppm, 0);
        expect(total).toBe(CREDIT_SCALE);
      }
    },
  );

  test("fraction is ppm over one million", () => {
    const [first] = creditOrder([t("code", "a"), t("code", "b"), t("code", "c")], "code_first_last_touch", ORDER_AT, 30).credits;
    expect(first?.fraction).toBe(0.333334);
  });

  test("the input order of touches does not matter", () => {
    const forward = creditOrder(journey, "position_based", ORDER_AT, 30);
    const backward = creditOrder([...journey].reverse(), "position_based", ORDER_AT, 30);
    expect(backward).toEqual(forward);
  });
});

describe("explainAttribution", () => {
  test("lists every signal with its status, marks the decisive one, and names the rule and credits", () => {
    const touches = [t("click", "bob", ago(40)), t("click", "bob", ago(-0.5)), t("utm", "cara"), t("code", "anna")];
    expect(explainAttribution(touches, "code_first_last_touch", "2024-06-15T14:00:00+02:00", 30)).toEqual({
      model: "code_first_last_touch",
      windowDays: 30,
      processedAt: ORDER_AT,
      winningRule: "code",
      signals: [
        { ...t("click", "bob", ago(40)), status: "outside_window", decisive: false },
        { ...t("utm", "cara"), status: "counted", decisive: false },
        { ...t("code", "anna"), status: "counted", decisive: true },
        { ...t("click", "bob", ago(-0.5)), status: "after_order", decisive: false },
      ],
      credits: [
        { creatorId: "anna", campaignId: "anna-campaign", ppm: 1_000_000, fraction: 1, role: "credited", kind: "code" },
        { creatorId: "cara", campaignId: "cara-campaign", ppm: 0, fraction: 0, role: "assist", kind: "utm" },
      ],
    });
  });

  test("is the same explanation creditOrder returns", () => {
    const touches = [t("click", "anna", ago(2)), t("code", "bob")];
    expect(explainAttribution(touches, "linear", ORDER_AT, 30)).toEqual(creditOrder(touches, "linear", ORDER_AT, 30).explanation);
  });

  test("an explanation is plain data (no locale strings, survives JSON)", () => {
    const explanation = explainAttribution([t("code", "anna")], "code_first_last_touch", ORDER_AT, 30);
    expect(JSON.parse(JSON.stringify(explanation))).toEqual(explanation);
  });
});

describe("creditOrder rejects bad input", () => {
  test.each([
    ["a negative window", () => creditOrder([], "linear", ORDER_AT, -1), AttributionInputError],
    ["a fractional window", () => creditOrder([], "linear", ORDER_AT, 0.5), AttributionInputError],
    ["an unknown model", () => creditOrder([], "u_shaped" as AttributionModel, ORDER_AT, 30), AttributionInputError],
    ["an order time without offset", () => creditOrder([], "linear", "2024-06-15T12:00:00", 30), InvalidInstantError],
    ["a touch time that is not an instant", () => creditOrder([t("click", "a", "last week")], "linear", ORDER_AT, 30), InvalidInstantError],
  ])("%s", (_label, run, error) => {
    expect(run).toThrow(error);
  });
});
