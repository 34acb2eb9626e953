import { describe, expect, test } from "vitest";
import { buildUtm, checkUtmValue } from "./build-utm";
import { InvalidUtmError } from "./errors";

describe("buildUtm", () => {
  test.each([
    [
      "defaults: platform, influencer, campaign slug, lower-case handle",
      { platform: "instagram", campaignSlug: "summer-24", creatorHandle: "@Emma.Style" },
      { utm_source: "instagram", utm_medium: "influencer", utm_campaign: "summer-24", utm_content: "emma.style" },
    ],
    [
      "an override replaces one default and keeps the others",
      { platform: "tiktok", campaignSlug: "launch", creatorHandle: "zoe", overrides: { medium: "social" } },
      { utm_source: "tiktok", utm_medium: "social", utm_campaign: "launch", utm_content: "zoe" },
    ],
    [
      "a term only appears when given",
      { platform: "youtube", campaignSlug: "launch", creatorHandle: "zoe", overrides: { term: "review video" } },
      { utm_source: "youtube", utm_medium: "influencer", utm_campaign: "launch", utm_content: "zoe", utm_term: "review video" },
    ],
    [
      "every field overridden",
      {
        platform: "blog",
        campaignSlug: "x",
        creatorHandle: "zoe",
        overrides: { source: "newsletter", medium: "partner", campaign: "Noël", content: "header", term: "t" },
      },
      { utm_source: "newsletter", utm_medium: "partner", utm_campaign: "Noël", utm_content: "header", utm_term: "t" },
    ],
    [
      "a 100-character override is accepted",
      { platform: "blog", campaignSlug: "x", creatorHandle: "zoe", overrides: { campaign: "c".repeat(100) } },
      { utm_source: "blog", utm_medium: "influencer", utm_campaign: "c".repeat(100), utm_content: "zoe" },
    ],
  ] as const)("%s", (_label, input, expected) => {
    expect(buildUtm(input)).toEqual(expected);
  });

  test.each([
    ["blank campaign slug", { campaignSlug: "" }, "utm_campaign"],
    ["invalid handle", { creatorHandle: "emma style" }, "utm_content"],
    ["blank override", { overrides: { source: "  " } }, "utm_source"],
    ["override with spaces around", { overrides: { medium: " social" } }, "utm_medium"],
    ["101-character override", { overrides: { campaign: "c".repeat(101) } }, "utm_campaign"],
    ["newline in an override", { overrides: { content: "a\nb" } }, "utm_content"],
    ["CR in the term", { overrides: { term: "a\rSet-Cookie: x" } }, "utm_term"],
    ["NUL in an override", { overrides: { source: "ig\u0000" } }, "utm_source"],
    ["zero-width space", { overrides: { source: "ig\u200b" } }, "utm_source"],
    ["blank term", { overrides: { term: "" } }, "utm_term"],
  ])("refuses %s", (_label, change, field) => {
    const input = { platform: "instagram" as const, campaignSlug: "summer", creatorHandle: "emma", ...change };
    let thrown: unknown;
    try {
      buildUtm(input);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidUtmError);
    expect((thrown as InvalidUtmError).field).toBe(field);
  });

  test("checkUtmValue returns the value untouched", () => {
    expect(checkUtmValue("utm_term", "été 2024")).toBe("été 2024");
  });
});
