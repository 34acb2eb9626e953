import { toIsoUtc } from "~/domain/dates";
import { allocateMinor } from "~/domain/money";
import { AttributionInputError } from "./errors";
import { sortTouches } from "./touch-order";
import { assertWindowDays, windowPosition } from "./window";
import {
  ATTRIBUTION_MODELS,
  CREDIT_SCALE,
  type AttributionModel,
  type Credit,
  type Touch,
  type WinningRule,
} from "./types";

/** Whether a signal counted for the order, and why not when it did not. */
export type SignalStatus = "counted" | "outside_window" | "after_order";

/** One signal as the explanation shows it. */
export interface ExplainedSignal extends Touch {
  status: SignalStatus;
  /** True for the touch that decided a credited creator's share and campaign. */
  decisive: boolean;
}

/** A locale-free account of an order's attribution that a page renders with its own strings. */
export interface AttributionExplanation {
  model: AttributionModel;
  windowDays: number;
  processedAt: string;
  /** Every signal seen, chronologically. */
  signals: ExplainedSignal[];
  winningRule: WinningRule;
  /** Credited creators (ppm > 0) first, largest share first, then assists (ppm 0). */
  credits: Credit[];
}

export interface CreditResult {
  credits: Credit[];
  winningRule: WinningRule;
  explanation: AttributionExplanation;
}

interface Share {
  touch: Touch;
  ppm: number;
}

// Position-based: 40% to each end, 20% across the middle.
const POSITION_END_PPM = 400_000;
const POSITION_MIDDLE_PPM = 200_000;

const LINK_KINDS_FOR_DEFAULT = new Set(["utm", "journey_last"]);

function equalShares(touches: readonly Touch[]): Share[] {
  const parts = allocateMinor(CREDIT_SCALE, touches.map(() => 1));
  return touches.map((touch, i) => ({ touch, ppm: parts[i] ?? 0 }));
}

/** The latest touch of each creator, in order of each creator's first appearance. */
function latestPerCreator(touches: readonly Touch[]): Touch[] {
  const latest = new Map<string, Touch>();
  // Map keeps the insertion position of a key's first set, and the value of its last.
  for (const touch of touches) latest.set(touch.creatorId, touch);
  return [...latest.values()];
}

/** Touches of one creator at one instant are one visit (a landing UTM and the code typed in that session). */
function collapseVisits(touches: readonly Touch[]): Touch[] {
  const result: Touch[] = [];
  for (const touch of touches) {
    const previousIndex = result.findIndex((t) => t.creatorId === touch.creatorId && t.at === touch.at);
    // Sorted input: a later element at the same instant outranks the earlier one.
    if (previousIndex >= 0) result.splice(previousIndex, 1);
    result.push(touch);
  }
  return result;
}

function defaultModel(counted: readonly Touch[]): { shares: Share[]; rule: WinningRule } {
  const codes = counted.filter((t) => t.kind === "code");
  if (codes.length > 0) {
    const firstCodePerCreator = new Map<string, Touch>();
    for (const touch of codes) if (!firstCodePerCreator.has(touch.creatorId)) firstCodePerCreator.set(touch.creatorId, touch);
    return { shares: equalShares([...firstCodePerCreator.values()]), rule: "code" };
  }
  const utms = counted.filter((t) => LINK_KINDS_FOR_DEFAULT.has(t.kind));
  const lastUtm = utms.at(-1);
  if (lastUtm) return { shares: [{ touch: lastUtm, ppm: CREDIT_SCALE }], rule: "utm" };
  const lastClick = counted.filter((t) => t.kind === "click").at(-1);
  if (lastClick) return { shares: [{ touch: lastClick, ppm: CREDIT_SCALE }], rule: "click" };
  return { shares: [], rule: "none" };
}

function positionWeights(count: number): number[] {
  if (count === 1) return [CREDIT_SCALE];
  if (count === 2) return [CREDIT_SCALE / 2, CREDIT_SCALE / 2];
  const middle = allocateMinor(POSITION_MIDDLE_PPM, Array.from({ length: count - 2 }, () => 1));
  return [POSITION_END_PPM, ...middle, POSITION_END_PPM];
}

function modelShares(model: AttributionModel, counted: readonly Touch[]): { shares: Share[]; rule: WinningRule } {
  if (model === "code_first_last_touch") return defaultModel(counted);
  const visits = collapseVisits(counted);
  if (visits.length === 0) return { shares: [], rule: "none" };
  switch (model) {
    case "first_touch":
      return { shares: [{ touch: visits[0] as Touch, ppm: CREDIT_SCALE }], rule: "first_touch" };
    case "last_touch":
      return { shares: [{ touch: visits.at(-1) as Touch, ppm: CREDIT_SCALE }], rule: "last_touch" };
    case "linear":
      // One equal share per creator: repeated clicks of one visitor on one creator's link do not multiply credit.
      return { shares: equalShares(latestPerCreator(visits)), rule: "linear" };
    case "position_based": {
      const weights = positionWeights(visits.length);
      return { shares: visits.map((touch, i) => ({ touch, ppm: weights[i] ?? 0 })), rule: "position_based" };
    }
  }
}

/**
 * Splits one order's credit among creators under a model. Codes always count; other signals count only when
 * at most windowDays before the order. Default model: a code beats a UTM (landing page or journey's last visit)
 * beats a click; several creators' codes share equally; the other creators seen are assists with 0 credit.
 * first/last touch give everything to one touch; linear gives each creator an equal share; position-based gives
 * 40% to the first and the last touch and 20% across the middle ones (50/50 with two, 100% with one).
 * Shares are integer parts per million summing to exactly 1,000,000; a creator's shares are merged, and its
 * campaign is that of the deciding touch (else the creator's latest campaign seen on the order).
 */
export function creditOrder(
  touches: readonly Touch[],
  model: AttributionModel,
  processedAt: string | Date,
  windowDays: number,
): CreditResult {
  assertWindowDays(windowDays);
  if (!ATTRIBUTION_MODELS.includes(model)) throw new AttributionInputError(`Unknown attribution model ${String(model)}`);
  const orderAt = toIsoUtc(processedAt);

  const sorted = sortTouches(touches.map((touch) => ({ ...touch, at: toIsoUtc(touch.at) })));
  const statuses = sorted.map((touch): SignalStatus => {
    if (touch.kind === "code") return "counted";
    const position = windowPosition(touch.at, orderAt, windowDays);
    return position === "inside" ? "counted" : position;
  });
  const counted = sorted.filter((_, i) => statuses[i] === "counted");

  const { shares, rule } = modelShares(model, counted);

  // Merge shares per creator, in order of the creator's first share.
  const merged = new Map<string, { ppm: number; deciding: Touch }>();
  for (const { touch, ppm } of shares) {
    const current = merged.get(touch.creatorId);
    if (!current) merged.set(touch.creatorId, { ppm, deciding: touch });
    else merged.set(touch.creatorId, { ppm: current.ppm + ppm, deciding: ppm > 0 ? touch : current.deciding });
  }

  const latestCampaign = (creatorId: string): string | null =>
    counted.filter((t) => t.creatorId === creatorId && t.campaignId !== null).at(-1)?.campaignId ?? null;

  const credited: Credit[] = [...merged.entries()]
    .filter(([, share]) => share.ppm > 0)
    .map(([creatorId, { ppm, deciding }]) => ({
      creatorId,
      campaignId: deciding.campaignId ?? latestCampaign(creatorId),
      ppm,
      fraction: ppm / CREDIT_SCALE,
      role: "credited" as const,
      kind: deciding.kind,
    }))
    .sort((a, b) => b.ppm - a.ppm);

  const creditedIds = new Set(credited.map((c) => c.creatorId));
  const assists: Credit[] = latestPerCreator(counted)
    .filter((touch) => !creditedIds.has(touch.creatorId))
    .map((touch) => ({
      creatorId: touch.creatorId,
      campaignId: touch.campaignId ?? latestCampaign(touch.creatorId),
      ppm: 0,
      fraction: 0,
      role: "assist" as const,
      kind: touch.kind,
    }));

  const decisiveTouches = new Set([...merged.values()].filter((s) => s.ppm > 0).map((s) => s.deciding));
  const credits = [...credited, ...assists];
  return {
    credits,
    winningRule: rule,
    explanation: {
      model,
      windowDays,
      processedAt: orderAt,
      signals: sorted.map((touch, i) => ({
        ...touch,
        status: statuses[i] as SignalStatus,
        decisive: decisiveTouches.has(touch),
      })),
      winningRule: rule,
      credits,
    },
  };
}

/** The structured explanation of an order's attribution: signals seen and why each counted, the rule that won, the credit per creator. */
export function explainAttribution(
  touches: readonly Touch[],
  model: AttributionModel,
  processedAt: string | Date,
  windowDays: number,
): AttributionExplanation {
  return creditOrder(touches, model, processedAt, windowDays).explanation;
}
