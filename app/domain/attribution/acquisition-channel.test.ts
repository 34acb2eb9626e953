import { describe, expect, test } from "vitest";
import { acquisitionChannel, type AcquisitionChannel } from "./acquisition-channel";

/*
 * The rules, in order:
 *
 * | step | signal                                   | channel                                          |
 * |------|------------------------------------------|--------------------------------------------------|
 * | 1    | the order is credited to a creator       | creator                                          |
 * | 2    | utm_medium influencer/creator/affiliate/ambassador | creator                                |
 * | 3    | utm_medium paid_social (and spellings), sponsored | paid_social                             |
 * | 4    | utm_medium paid_search/sem               | search                                           |
 * | 5    | utm_medium cpc/ppc/cpm/paid/ads/display… | paid_social if the source is a social network, search if a search engine, else other |
 * | 6    | utm_medium organic/seo                   | search (organic search)                          |
 * | 7    | utm_medium email/newsletter/sms          | email                                            |
 * | 8    | utm_medium social/social-media/sm        | organic_social                                   |
 * | 9    | any other utm_medium except referral     | other                                            |
 * | 10   | utm_source alone: social / search / email tool | organic_social / search / email            |
 * | 11   | referrer host: webmail                   | email                                            |
 * | 12   | referrer host: search engine             | search                                           |
 * | 13   | referrer host: social network            | organic_social                                   |
 * | 14   | any other referrer                       | organic                                          |
 * | 15   | a UTM that fits nothing and no referrer  | other                                            |
 * | 16   | nothing at all                           | direct                                           |
 */

type Row = [string, string | null, string | null, string | null, boolean, AcquisitionChannel];

describe("acquisitionChannel", () => {
  test.each<Row>([
    ["a credited creator wins over everything", "cpc", "facebook", "https://www.google.com/", true, "creator"],
    ["an influencer UTM not matched to a creator", "influencer", "ig", null, false, "creator"],
    ["affiliate medium", "Affiliate", null, null, false, "creator"],
    ["paid social medium", "paid_social", "instagram", null, false, "paid_social"],
    ["paid-social spelling", "paid-social", null, null, false, "paid_social"],
    ["Meta ads: cpc from facebook", "cpc", "facebook", null, false, "paid_social"],
    ["TikTok ads: paid from tiktok, mixed case", "Paid", "TikTok", null, false, "paid_social"],
    ["Google Ads: cpc from google", "cpc", "google", null, false, "search"],
    ["Bing ads: ppc from bing", "ppc", "bing", null, false, "search"],
    ["paid search medium without source", "paid_search", null, null, false, "search"],
    ["display ads from an ad network", "display", "criteo", null, false, "other"],
    ["organic search medium", "organic", "google", null, false, "search"],
    ["Klaviyo email", "email", "klaviyo", null, false, "email"],
    ["newsletter medium", "newsletter", null, "https://mail.google.com/", false, "email"],
    ["SMS campaign", "sms", "postscript", null, false, "email"],
    ["organic social post", "social", "instagram", null, false, "organic_social"],
    ["an unknown medium", "podcast", "spotify", null, false, "other"],
    ["a referral medium defers to the referrer", "referral", null, "https://blog.example.com/review", false, "organic"],
    ["a referral medium with no referrer", "referral", null, null, false, "other"],
    ["source only: instagram bio link", null, "instagram", null, false, "organic_social"],
    ["source only: newsletter", null, "newsletter", null, false, "email"],
    ["source only: google", null, "google", null, false, "search"],
    ["source only, unknown, with a referrer", null, "partner", "https://partner.example/", false, "organic"],
    ["source only, unknown, no referrer", null, "partner", null, false, "other"],
    ["Gmail webmail referrer", null, null, "https://mail.google.com/mail/u/0/", false, "email"],
    ["Outlook webmail referrer", null, null, "https://outlook.live.com/", false, "email"],
    ["Google referrer", null, null, "https://www.google.com/", false, "search"],
    ["a Google country domain", null, null, "https://www.google.co.uk/", false, "search"],
    ["DuckDuckGo referrer", null, null, "https://duckduckgo.com/", false, "search"],
    ["Instagram link shim", null, null, "https://l.instagram.com/?u=https%3A%2F%2Fshop", false, "organic_social"],
    ["Facebook mobile", null, null, "https://m.facebook.com/", false, "organic_social"],
    ["Twitter's t.co", null, null, "https://t.co/abc", false, "organic_social"],
    ["YouTube short link", null, null, "https://youtu.be/xyz", false, "organic_social"],
    ["TikTok referrer", null, null, "https://www.tiktok.com/@anna", false, "organic_social"],
    ["a blog referrer", null, null, "https://blog.example.com/best-sunglasses", false, "organic"],
    ["a referrer without scheme", null, null, "www.google.com", false, "search"],
    ["a look-alike host is not Google", null, null, "https://notgoogle.com/", false, "organic"],
    ["a referrer that cannot be parsed, no UTM", null, null, "http://[bad", false, "direct"],
    ["no signal at all", null, null, null, false, "direct"],
    ["blank strings are no signal", "  ", "", " ", false, "direct"],
  ])("%s", (_label, utmMedium, utmSource, referrer, creatorCredited, expected) => {
    expect(acquisitionChannel({ utmMedium, utmSource, referrer, creatorCredited })).toBe(expected);
  });
});
