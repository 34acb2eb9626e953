import { sortTouches } from "./touch-order";
import { CREDIT_SCALE, type Credit, type Touch } from "./types";
import type { CreditKind } from "./rollup-delta";

/** A staff reassignment of an order to one creator (Order.overrideCreatorId / overrideCampaignId). */
export interface CreditOverride {
  creatorId: string;
  campaignId: string | null;
}

/** A credit as the rollups count it: ppm > 0, with the kind that decided it. */
export interface EffectiveCredit {
  creatorId: string;
  campaignId: string | null;
  ppm: number;
  kind: CreditKind;
}

/**
 * The credits an order counts with: the model's credited creators, unless staff reassigned the order, in which case
 * the chosen creator gets the whole order. The override keeps the kind of that creator's own signal on the order (a
 * code if one of its codes was used, else its latest signal), or 'manual' when the order carries none of its signals;
 * its campaign is the one staff chose, else the campaign of that creator's latest signal.
 */
export function effectiveCredits(
  modelCredits: readonly Credit[],
  override: CreditOverride | null,
  touches: readonly Touch[],
): EffectiveCredit[] {
  if (override === null) {
    return modelCredits
      .filter((credit) => credit.role === "credited" && credit.ppm > 0)
      .map(({ creatorId, campaignId, ppm, kind }) => ({ creatorId, campaignId, ppm, kind }));
  }
  const own = sortTouches(touches.filter((touch) => touch.creatorId === override.creatorId));
  const code = own.find((touch) => touch.kind === "code");
  const latest = own.at(-1);
  const kind: CreditKind = code ? "code" : (latest?.kind ?? "manual");
  const campaignId = override.campaignId ?? own.filter((touch) => touch.campaignId !== null).at(-1)?.campaignId ?? null;
  return [{ creatorId: override.creatorId, campaignId, ppm: CREDIT_SCALE, kind }];
}

/** The creator an order is mainly credited to: the largest share (the first one on a tie), null when uncredited. */
export function mainCredit(credits: readonly Pick<EffectiveCredit, "creatorId" | "campaignId" | "ppm">[]): { creatorId: string; campaignId: string | null } | null {
  let best: Pick<EffectiveCredit, "creatorId" | "campaignId" | "ppm"> | null = null;
  for (const credit of credits) if (credit.ppm > 0 && (best === null || credit.ppm > best.ppm)) best = credit;
  return best ? { creatorId: best.creatorId, campaignId: best.campaignId } : null;
}
