import type { Utm } from "~/domain/orders";

/** The signals that can tie an order to a creator (DESIGN §3 Touch.kind). */
export type TouchKind = "code" | "utm" | "click" | "journey_first" | "journey_last";

/** A creator and, when known, the campaign the signal belongs to. */
export interface CreatorRef {
  creatorId: string;
  campaignId: string | null;
}

/** One signal of one creator on one order. */
export interface Touch extends CreatorRef {
  kind: TouchKind;
  /** When the signal happened, ISO UTC. Codes and landing-page UTMs happen at the order's processedAt. */
  at: string;
  /** What was seen, for explanations: the code, or the UTM query ("utm_medium=influencer&utm_content=anna"). */
  evidence: string | null;
}

/** Report models; credit is computed at read time from stored touches, so switching needs no re-ingestion. */
export type AttributionModel = "code_first_last_touch" | "first_touch" | "last_touch" | "linear" | "position_based";

export const ATTRIBUTION_MODELS: readonly AttributionModel[] = [
  "code_first_last_touch",
  "first_touch",
  "last_touch",
  "linear",
  "position_based",
];

/** Credit is counted in integer parts per million so that the parts of one order sum to exactly 1. */
export const CREDIT_SCALE = 1_000_000;

/** The share of one order credited to one creator. */
export interface Credit extends CreatorRef {
  /** Integer parts per million; the credits of one order sum to exactly CREDIT_SCALE (or the order is uncredited). */
  ppm: number;
  /** ppm / CREDIT_SCALE, for display only. */
  fraction: number;
  /** 'assist': the creator's signal was seen and counted but earned no credit under this model. */
  role: "credited" | "assist";
  /** The kind of the touch that decided this creator's credit (splits code orders from link orders). */
  kind: TouchKind;
}

/** The rule that decided an order's credit. */
export type WinningRule = "code" | "utm" | "click" | "first_touch" | "last_touch" | "linear" | "position_based" | "none";

/** A recorded visit of the order's customer journey (Shopify's customerJourneySummary), when known. */
export interface JourneyVisit {
  utm: Utm;
  at: string | Date;
}

/** A click on a creator's tracked link by this order's visitor or customer. */
export interface CreatorClick extends CreatorRef {
  at: string | Date;
}

/** The shop's lookup tables and the order's visitor history that collectTouches reads. */
export interface AttributionContext {
  /** The shop's creator codes, keyed by normalizeCode(code) (upper-case). */
  codes: ReadonlyMap<string, CreatorRef>;
  /** Creator handles in lower case → creator, matched against utm_content. */
  utmContentHandles: ReadonlyMap<string, CreatorRef>;
  /** Campaign slugs in lower case → campaign, matched against utm_campaign; creatorId set when the slug is one creator's. */
  utmCampaigns: ReadonlyMap<string, { campaignId: string; creatorId: string | null }>;
  /** utm_medium values (lower case) that mark a creator link. Default: ["influencer"]. */
  creatorMediums?: readonly string[];
  /** Clicks on creators' links by this order's visitor or customer. */
  clicks: readonly CreatorClick[];
  /** First and last visits of the customer journey, when Shopify reported them. */
  journey?: { first?: JourneyVisit | null; last?: JourneyVisit | null };
  /** Look-back in days for clicks and journey visits: the largest window the shop's reports may use. */
  windowDays: number;
}
