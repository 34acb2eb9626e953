import { z } from "zod";
import { AttributionInputError } from "./errors";
import type { OrderRollupState } from "./rollup-delta";

const creditKind = z.enum(["code", "utm", "click", "journey_first", "journey_last", "manual"]);
const stateSchema = z.object({
  day: z.string(),
  grossMinor: z.number().int(),
  discountsMinor: z.number().int(),
  cogsMinor: z.number().int().optional(),
  cogsCoveredMinor: z.number().int().optional(),
  credits: z.array(z.object({ creatorId: z.string(), campaignId: z.string().nullable(), ppm: z.number().int(), kind: creditKind })),
  customer: z.object({
    customerType: z.enum(["new", "returning", "unknown"]),
    cohort: z.enum(["acquired", "repeat", "none"]),
    cohortCreatorId: z.string().nullable(),
    cohortCampaignId: z.string().nullable(),
  }),
  refunds: z.array(z.object({ shopifyRefundId: z.string(), day: z.string(), amountMinor: z.number().int() })),
});

/**
 * The stored form of what an order contributes to the rollups, with a fixed key order so that two equal states
 * serialize to the same text (a changed text means deltas to apply). Refunds are sorted by id for the same reason.
 */
export function serializeRollupState(state: OrderRollupState | null): string | null {
  if (state === null) return null;
  return JSON.stringify({
    day: state.day,
    grossMinor: state.grossMinor,
    discountsMinor: state.discountsMinor,
    cogsMinor: state.cogsMinor ?? 0,
    cogsCoveredMinor: state.cogsCoveredMinor ?? 0,
    credits: state.credits.map((c) => ({ creatorId: c.creatorId, campaignId: c.campaignId, ppm: c.ppm, kind: c.kind })),
    customer: {
      customerType: state.customer.customerType,
      cohort: state.customer.cohort,
      cohortCreatorId: state.customer.cohortCreatorId,
      cohortCampaignId: state.customer.cohortCampaignId,
    },
    refunds: [...state.refunds]
      .sort((a, b) => (a.shopifyRefundId < b.shopifyRefundId ? -1 : a.shopifyRefundId > b.shopifyRefundId ? 1 : 0))
      .map((r) => ({ shopifyRefundId: r.shopifyRefundId, day: r.day, amountMinor: r.amountMinor })),
  });
}

/** Reads a stored rollup state back; null stays null (the order contributes nothing). A corrupt text is an error, never a guess. */
export function parseRollupState(text: string | null): OrderRollupState | null {
  if (text === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AttributionInputError("Stored rollup state is not JSON");
  }
  const parsed = stateSchema.safeParse(raw);
  if (!parsed.success) throw new AttributionInputError(`Stored rollup state is malformed: ${parsed.error.issues[0]?.message ?? "unknown issue"}`);
  return parsed.data;
}
