import { describe, expect, test } from "vitest";
import { parseUtm } from "./parse-utm";

const none = { source: null, medium: null, campaign: null, content: null, term: null };

describe("parseUtm", () => {
  test.each([
    ["no landing URL", null, none],
    ["an empty landing URL", "", none],
    ["a relative path", "/products/x?utm_source=ig", { ...none, source: "ig" }],
    ["a query only", "?utm_medium=influencer", { ...none, medium: "influencer" }],
    [
      "an absolute URL with all five",
      "https://shop.example/?utm_source=ig&utm_medium=influencer&utm_campaign=summer&utm_content=anna&utm_term=hat",
      { source: "ig", medium: "influencer", campaign: "summer", content: "anna", term: "hat" },
    ],
    ["percent-encoding is decoded", "/?utm_campaign=spring%20sale", { ...none, campaign: "spring sale" }],
    ["plus is a space", "/?utm_campaign=spring+sale", { ...none, campaign: "spring sale" }],
    ["upper-case parameter names", "/?UTM_SOURCE=TikTok", { ...none, source: "TikTok" }],
    ["values keep their case", "/?utm_content=Anna", { ...none, content: "Anna" }],
    ["the first occurrence wins", "/?utm_source=a&utm_source=b", { ...none, source: "a" }],
    ["an empty value is absent", "/?utm_source=&utm_medium=%20", none],
    ["a fragment is not a query", "/page#utm_source=ig", none],
    ["other parameters are ignored", "/?ref=x&utm_id=7&fbclid=abc", none],
    ["a URL that cannot be parsed carries no UTM", "http://[invalid?utm_source=ig", none],
    ["a protocol-relative URL", "//shop.example/x?utm_source=newsletter", { ...none, source: "newsletter" }],
  ])("%s", (_label, url, expected) => {
    expect(parseUtm(url)).toEqual(expected);
  });
});
