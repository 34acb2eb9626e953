import { z } from "zod";
import type { CampaignSort } from "../../models/campaign.server";

export const CAMPAIGN_PAGE_SIZE = 25;
export const CAMPAIGN_LIST_SORTS = ["createdAt", "name", "startsAt"] as const satisfies ReadonlyArray<CampaignSort>;
/** "current" is every status but archived. */
export const CAMPAIGN_LIST_TABS = ["current", "archived", "all"] as const;

export type CampaignListParams = {
  query: string;
  tab: (typeof CAMPAIGN_LIST_TABS)[number];
  sort: CampaignSort;
  direction: "asc" | "desc";
  page: number;
  pageSize: number;
};

const schema = z.object({
  q: z.string().max(200).default(""),
  tab: z.enum(CAMPAIGN_LIST_TABS).default("current"),
  sort: z.enum(CAMPAIGN_LIST_SORTS).default("createdAt"),
  direction: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(CAMPAIGN_PAGE_SIZE),
});

/** The campaign list's state in the URL: q, tab, sort, direction, page (newest first by default); unknown values are refused. */
export function parseCampaignListParams(search: URLSearchParams): CampaignListParams | { error: string } {
  const raw = Object.fromEntries([...new Set(search.keys())].filter((key) => key in schema.shape).map((key) => [key, search.get(key) ?? ""]));
  const result = schema.safeParse(raw);
  if (!result.success) return { error: result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") };
  const { q, ...rest } = result.data;
  return { query: q.trim(), ...rest };
}

/** The URL search of a list state, keeping unrelated parameters (locale, Shopify's host…) and dropping defaults. */
export function campaignListSearch(current: URLSearchParams, next: Partial<CampaignListParams>): string {
  const params = new URLSearchParams(current);
  const set = (key: string, value: string | undefined, fallback: string) => {
    if (value === undefined) return;
    if (value === fallback) params.delete(key);
    else params.set(key, value);
  };
  set("q", next.query, "");
  set("tab", next.tab, "current");
  set("sort", next.sort, "createdAt");
  set("direction", next.direction, "desc");
  set("page", next.page === undefined ? undefined : String(next.page), "1");
  return `?${params.toString()}`;
}
