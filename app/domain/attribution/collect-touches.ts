import { toIsoUtc } from "~/domain/dates";
import { normalizeCode, type NormalizedOrder } from "~/domain/orders";
import { resolveCreatorUtm, utmEvidence } from "./resolve-creator-utm";
import { sortTouches } from "./touch-order";
import { assertWindowDays, windowPosition } from "./window";
import type { AttributionContext, JourneyVisit, Touch } from "./types";

/**
 * Every creator signal of an order, to be stored as Touch rows: each creator code used, the landing page's
 * creator UTM, the journey's first and last visits when they carry a creator UTM, and clicks on creators' links.
 * Codes and the landing UTM are dated at the order; clicks and journey visits keep their own time and are kept
 * only when within ctx.windowDays before the order. Sorted chronologically, duplicates removed.
 */
export function collectTouches(
  order: Pick<NormalizedOrder, "processedAt" | "codes" | "utm">,
  ctx: AttributionContext,
): Touch[] {
  assertWindowDays(ctx.windowDays);
  const processedAt = toIsoUtc(order.processedAt);
  const touches: Touch[] = [];

  for (const code of order.codes) {
    const key = normalizeCode(code);
    const creator = key === null ? undefined : ctx.codes.get(key);
    if (key !== null && creator) touches.push({ kind: "code", ...creator, at: processedAt, evidence: key });
  }

  const landing = resolveCreatorUtm(order.utm, ctx);
  if (landing) touches.push({ kind: "utm", ...landing, at: processedAt, evidence: utmEvidence(order.utm) });

  const journeyTouch = (kind: "journey_first" | "journey_last", visit: JourneyVisit | null | undefined) => {
    if (!visit) return;
    const creator = resolveCreatorUtm(visit.utm, ctx);
    const at = toIsoUtc(visit.at);
    if (creator && windowPosition(at, processedAt, ctx.windowDays) === "inside") {
      touches.push({ kind, ...creator, at, evidence: utmEvidence(visit.utm) });
    }
  };
  journeyTouch("journey_first", ctx.journey?.first);
  journeyTouch("journey_last", ctx.journey?.last);

  for (const click of ctx.clicks) {
    const at = toIsoUtc(click.at);
    if (windowPosition(at, processedAt, ctx.windowDays) === "inside") {
      touches.push({ kind: "click", creatorId: click.creatorId, campaignId: click.campaignId, at, evidence: null });
    }
  }

  const seen = new Set<string>();
  return sortTouches(touches).filter((touch) => {
    const key = JSON.stringify([touch.kind, touch.creatorId, touch.campaignId, touch.at, touch.evidence]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
