/** The channels a customer can be acquired through, compared against creators in CLV curves. */
export type AcquisitionChannel =
  | "creator"
  | "paid_social"
  | "search"
  | "email"
  | "organic_social"
  | "organic"
  | "direct"
  | "other";

export interface AcquisitionChannelInput {
  utmMedium: string | null;
  utmSource: string | null;
  referrer: string | null;
  creatorCredited: boolean;
}

const CREATOR_MEDIUMS = new Set(["influencer", "creator", "affiliate", "ambassador"]);
const PAID_MEDIUMS = new Set(["cpc", "ppc", "cpm", "cpv", "cpa", "paid", "ad", "ads", "display", "banner", "retargeting"]);
const PAID_SOCIAL_MEDIUMS = new Set(["paid_social", "paid-social", "paidsocial", "social_paid", "social-paid", "sponsored"]);
const PAID_SEARCH_MEDIUMS = new Set(["paid_search", "paid-search", "paidsearch", "sem"]);
const ORGANIC_SEARCH_MEDIUMS = new Set(["organic", "seo", "organic_search", "organic-search"]);
const EMAIL_MEDIUMS = new Set(["email", "e-mail", "e_mail", "newsletter", "sms"]);
const SOCIAL_MEDIUMS = new Set(["social", "social-network", "social_network", "social-media", "social_media", "sm", "organic_social", "organic-social"]);
const REFERRAL_MEDIUMS = new Set(["referral", "referrer", "link"]);

const SOCIAL_SOURCES = new Set([
  "facebook", "fb", "meta", "instagram", "ig", "tiktok", "tt", "pinterest", "snapchat", "twitter", "x", "linkedin",
  "youtube", "yt", "reddit", "threads",
]);
const SEARCH_SOURCES = new Set(["google", "bing", "duckduckgo", "yahoo", "baidu", "yandex", "ecosia", "brave", "naver", "qwant"]);
const EMAIL_SOURCES = new Set(["email", "newsletter", "klaviyo", "mailchimp", "omnisend", "shopify_email", "sendinblue", "brevo"]);

// Host suffixes; "google.*" and "yahoo.*" cover their country domains.
const EMAIL_HOSTS = ["mail.google.com", "outlook.live.com", "outlook.office.com", "mail.yahoo.com", "mail.proton.me", "webmail"];
const SEARCH_HOSTS = [/(^|\.)google\.[a-z.]+$/, /(^|\.)bing\.com$/, /(^|\.)duckduckgo\.com$/, /(^|\.)search\.yahoo\.[a-z.]+$/, /(^|\.)yahoo\.[a-z.]+$/, /(^|\.)baidu\.com$/, /(^|\.)yandex\.[a-z.]+$/, /(^|\.)ecosia\.org$/, /(^|\.)search\.brave\.com$/, /(^|\.)naver\.com$/, /(^|\.)qwant\.com$/];
const SOCIAL_HOSTS = [/(^|\.)facebook\.com$/, /(^|\.)fb\.com$/, /(^|\.)fb\.me$/, /(^|\.)instagram\.com$/, /(^|\.)tiktok\.com$/, /(^|\.)pinterest\.[a-z.]+$/, /^pin\.it$/, /(^|\.)twitter\.com$/, /^t\.co$/, /^x\.com$/, /(^|\.)linkedin\.com$/, /^lnkd\.in$/, /(^|\.)youtube\.com$/, /^youtu\.be$/, /(^|\.)reddit\.com$/, /(^|\.)snapchat\.com$/, /(^|\.)threads\.net$/];

function referrerHost(referrer: string | null): string | null {
  if (!referrer?.trim()) return null;
  try {
    const url = new URL(referrer.includes("://") ? referrer.trim() : `https://${referrer.trim()}`);
    return url.hostname.toLowerCase().replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

function channelFromHost(host: string): AcquisitionChannel {
  if (EMAIL_HOSTS.some((suffix) => host === suffix || host.endsWith(`.${suffix}`) || host.startsWith(`${suffix}.`))) return "email";
  if (SEARCH_HOSTS.some((pattern) => pattern.test(host))) return "search";
  if (SOCIAL_HOSTS.some((pattern) => pattern.test(host))) return "organic_social";
  return "organic";
}

function channelFromSource(source: string): AcquisitionChannel {
  if (SOCIAL_SOURCES.has(source)) return "organic_social";
  if (SEARCH_SOURCES.has(source)) return "search";
  if (EMAIL_SOURCES.has(source)) return "email";
  return "other";
}

/**
 * The channel an order came through, for comparing creators with the shop's other acquisition channels:
 * a credited creator first; then utm_medium (paid mediums split by source into paid social or search);
 * then utm_source alone; then the referrer's host (webmail, search engines, social networks, any other site =
 * organic); no signal at all = direct. Matching is case-insensitive.
 */
export function acquisitionChannel(input: AcquisitionChannelInput): AcquisitionChannel {
  if (input.creatorCredited) return "creator";
  const medium = input.utmMedium?.trim().toLowerCase() || null;
  const source = input.utmSource?.trim().toLowerCase() || null;

  if (medium) {
    if (CREATOR_MEDIUMS.has(medium)) return "creator";
    if (PAID_SOCIAL_MEDIUMS.has(medium)) return "paid_social";
    if (PAID_SEARCH_MEDIUMS.has(medium)) return "search";
    if (PAID_MEDIUMS.has(medium)) {
      if (source && SOCIAL_SOURCES.has(source)) return "paid_social";
      if (source && SEARCH_SOURCES.has(source)) return "search";
      return "other";
    }
    if (ORGANIC_SEARCH_MEDIUMS.has(medium)) return "search";
    if (EMAIL_MEDIUMS.has(medium)) return "email";
    if (SOCIAL_MEDIUMS.has(medium)) return "organic_social";
    if (!REFERRAL_MEDIUMS.has(medium)) return "other";
  }
  if (source && !medium) {
    const fromSource = channelFromSource(source);
    if (fromSource !== "other") return fromSource;
  }
  const host = referrerHost(input.referrer);
  if (host) return channelFromHost(host);
  if (medium || source) return "other";
  return "direct";
}
