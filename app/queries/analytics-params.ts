// The search parameters of the analytics pages and their CSV exports, parsed with zod. Empty form fields mean
// "not set". Invalid values are reported back to the page (which then shows its defaults and says what was wrong).
import { z } from "zod";
import { COMPENSATION_TYPES, LEADERBOARD_SORTS, NO_CAMPAIGN, TIERS } from "./creator-leaderboard";
import { RANGE_PRESETS } from "./date-range";

const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day written YYYY-MM-DD");

export const rangeParamsSchema = z.object({
  preset: z.preprocess(blankToUndefined, z.enum(RANGE_PRESETS).default("last30")),
  from: optional(day),
  to: optional(day),
});
export type RangeParams = z.infer<typeof rangeParamsSchema>;

export const leaderboardParamsSchema = rangeParamsSchema.extend({
  sort: z.preprocess(blankToUndefined, z.enum(LEADERBOARD_SORTS).default("netMinor")),
  direction: z.preprocess(blankToUndefined, z.enum(["asc", "desc"]).default("desc")),
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
  campaign: optional(z.string().max(64)),
  tier: optional(z.enum(TIERS)),
  platform: optional(z.string().max(40)),
  compensation: optional(z.enum([...COMPENSATION_TYPES, NO_CAMPAIGN])),
});
export type LeaderboardParams = z.infer<typeof leaderboardParamsSchema>;

export const pageParamsSchema = rangeParamsSchema.extend({
  page: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(100_000).default(1)),
});
export type PageParams = z.infer<typeof pageParamsSchema>;

export type ParsedParams<T> = { params: T; error: string | null };

/** Parses URL search parameters; on failure returns the schema's defaults and a message naming the bad parameter. */
export function parseSearchParams<S extends z.ZodType>(schema: S, search: URLSearchParams): ParsedParams<z.infer<S>> {
  const result = schema.safeParse(Object.fromEntries(search));
  if (result.success) return { params: result.data, error: null };
  const issue = result.error.issues[0];
  const where = issue?.path.join(".") || "parameters";
  return { params: schema.parse({}), error: `${where}: ${issue?.message ?? "invalid value"}` };
}
