import { z } from "zod";
import { PLATFORMS, TIERS, type Platform, type Tier } from "../../domain/creators";
import type { CreatorSort, CreatorStatus, SortDirection } from "../../models/creator.server";

export const CREATOR_PAGE_SIZE = 25;
export const CREATOR_LIST_SORTS = ["name", "createdAt", "followers", "tier"] as const satisfies ReadonlyArray<CreatorSort>;
export const CREATOR_LIST_STATUSES = ["active", "archived", "all"] as const satisfies ReadonlyArray<CreatorStatus | "all">;

export type CreatorListParams = {
  query: string;
  tier: Tier[];
  platform: Platform[];
  status: (typeof CREATOR_LIST_STATUSES)[number];
  sort: CreatorSort;
  direction: SortDirection;
  page: number;
  pageSize: number;
};

const listOf = <T extends string>(values: readonly [T, ...T[]]) =>
  z
    .string()
    .transform((raw) => raw.split(",").filter((part) => part !== ""))
    .pipe(z.array(z.enum(values)));

const schema = z.object({
  q: z.string().max(200).default(""),
  tier: listOf(TIERS).default([]),
  platform: listOf(PLATFORMS).default([]),
  status: z.enum(CREATOR_LIST_STATUSES).default("active"),
  sort: z.enum(CREATOR_LIST_SORTS).default("createdAt"),
  direction: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(CREATOR_PAGE_SIZE),
});

export class InvalidListParamsError extends Error {
  name = "InvalidListParamsError";
}

/**
 * The creator list's state in the URL (so it survives reloads and can be shared): q, tier and platform
 * (comma-separated), status, sort, direction, page. Newest first by default. Unknown values are refused.
 */
export function parseCreatorListParams(search: URLSearchParams): CreatorListParams {
  const raw = Object.fromEntries([...new Set(search.keys())].filter((key) => key in schema.shape).map((key) => [key, search.getAll(key).join(",")]));
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new InvalidListParamsError(result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));
  }
  const { q, ...rest } = result.data;
  return { query: q.trim(), ...rest };
}

/** The URL search of a list state, keeping unrelated parameters (locale, Shopify's host…) and dropping defaults. */
export function creatorListSearch(current: URLSearchParams, next: Partial<CreatorListParams>): string {
  const params = new URLSearchParams(current);
  const set = (key: string, value: string | undefined, fallback: string) => {
    if (value === undefined) return;
    if (value === fallback) params.delete(key);
    else params.set(key, value);
  };
  set("q", next.query, "");
  set("tier", next.tier?.join(","), "");
  set("platform", next.platform?.join(","), "");
  set("status", next.status, "active");
  set("sort", next.sort, "createdAt");
  set("direction", next.direction, "desc");
  set("page", next.page === undefined ? undefined : String(next.page), "1");
  return `?${params.toString()}`;
}
