import { handleKey, normalizeHandle, type Platform } from "../creators";
import { InvalidUtmError } from "./errors";

export const MAX_UTM_VALUE_LENGTH = 100;
export const INFLUENCER_UTM_MEDIUM = "influencer";

/** The UTM parameters a tracked link carries, named as they appear in the query string. */
export interface UtmSet {
  utm_source: string;
  utm_medium: string;
  utm_campaign: string;
  utm_content: string;
  utm_term?: string;
}

export interface UtmOverrides {
  source?: string;
  medium?: string;
  campaign?: string;
  content?: string;
  term?: string;
}

export interface BuildUtmInput {
  platform: Platform;
  campaignSlug: string;
  creatorHandle: string;
  overrides?: UtmOverrides;
}

const CONTROL_OR_INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/**
 * UTMs of a creator's link: source = platform, medium = "influencer", campaign = the campaign slug,
 * content = the creator's handle in lower case (so attribution can match it case-insensitively);
 * staff overrides replace a default but must be short (≤ 100), non-blank and free of control characters.
 */
export function buildUtm({ platform, campaignSlug, creatorHandle, overrides = {} }: BuildUtmInput): UtmSet {
  const handle = normalizeHandle(creatorHandle);
  if (!handle.ok) throw new InvalidUtmError("utm_content", handle.message);
  const utm: UtmSet = {
    utm_source: checkUtmValue("utm_source", overrides.source ?? platform),
    utm_medium: checkUtmValue("utm_medium", overrides.medium ?? INFLUENCER_UTM_MEDIUM),
    utm_campaign: checkUtmValue("utm_campaign", overrides.campaign ?? campaignSlug),
    utm_content: checkUtmValue("utm_content", overrides.content ?? handleKey(handle.handle)),
  };
  if (overrides.term !== undefined) utm.utm_term = checkUtmValue("utm_term", overrides.term);
  return utm;
}

/** Throws InvalidUtmError unless the value is 1–100 printable characters without surrounding spaces. */
export function checkUtmValue(field: string, value: string): string {
  if (value.trim() === "") throw new InvalidUtmError(field, "must not be blank.");
  if (value !== value.trim()) throw new InvalidUtmError(field, "must not start or end with spaces.");
  if ([...value].length > MAX_UTM_VALUE_LENGTH) {
    throw new InvalidUtmError(field, `must be at most ${MAX_UTM_VALUE_LENGTH} characters.`);
  }
  if (CONTROL_OR_INVISIBLE.test(value)) throw new InvalidUtmError(field, "must not contain control or invisible characters.");
  return value;
}
