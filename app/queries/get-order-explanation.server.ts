import { db } from "../db.server";
import {
  ATTRIBUTION_MODELS,
  CREDIT_SCALE,
  effectiveCredits,
  explainAttribution,
  type AttributionModel,
  type SignalStatus,
  type Touch,
  type TouchKind,
  type WinningRule,
} from "../domain/attribution";

// The read model of the order page: how the order's credit was decided. Credit is computed here from the stored
// touches under the shop's current model and window (the same function ingestion uses), so the page explains what
// the reports count today even if the model changed after the order came in; a staff override replaces the result.

const notFound = () => new Response("Not found", { status: 404 });

export type NamedRef = { id: string; name: string };

export type ExplainedSignalView = {
  kind: TouchKind;
  at: string;
  creator: NamedRef;
  campaign: NamedRef | null;
  evidence: string | null;
  status: SignalStatus;
  decisive: boolean;
};

export type CreditView = {
  creator: NamedRef;
  campaign: NamedRef | null;
  /** Parts per million of the order. */
  ppm: number;
  role: "credited" | "assist";
  kind: string;
};

export type OrderExplanation = {
  order: {
    id: string;
    name: string;
    shopifyOrderId: string;
    processedAt: string;
    currency: string;
    grossMinor: number;
    discountsMinor: number;
    refundsMinor: number;
    netMinor: number;
    cancelled: boolean;
    test: boolean;
    codes: string[];
    landingUrl: string | null;
    referrer: string | null;
    /** new | returning | unknown (guest checkout, or history not known). */
    customerType: "new" | "returning" | "unknown";
  };
  ianaTimezone: string;
  model: AttributionModel;
  windowDays: number;
  winningRule: WinningRule;
  signals: ExplainedSignalView[];
  /** What the model gives (credited creators first, then assists). */
  modelCredits: CreditView[];
  /** What the reports count: the model's credits, or the staff override. */
  counted: CreditView[];
  override: { creator: NamedRef; campaign: NamedRef | null; by: string | null; at: string | null } | null;
  /** Choices for a reassignment: the shop's creators and campaigns (archived ones too, by name). */
  choices: { creators: NamedRef[]; campaigns: NamedRef[] };
};

function parseCodes(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((code): code is string => typeof code === "string") : [];
  } catch {
    return [];
  }
}

const TOUCH_KINDS: readonly string[] = ["code", "utm", "click", "journey_first", "journey_last"];

/** An order of the shop explained: signals, winning rule, credit per creator, override; 404 when not the shop's. */
export async function getOrderExplanation(shop: string, orderId: string): Promise<OrderExplanation> {
  const order = await db.order.findFirst({ where: { shop, id: orderId }, include: { touches: true } });
  if (!order) throw notFound();
  const [settings, creators, campaigns] = await Promise.all([
    db.shop.findUnique({ where: { shop }, select: { attributionModel: true, attributionWindowDays: true, ianaTimezone: true } }),
    db.creator.findMany({ where: { shop }, select: { id: true, name: true, handle: true }, orderBy: { name: "asc" } }),
    db.campaign.findMany({ where: { shop }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const model = (ATTRIBUTION_MODELS as readonly string[]).includes(settings?.attributionModel ?? "")
    ? (settings!.attributionModel as AttributionModel)
    : "code_first_last_touch";
  const windowDays = settings?.attributionWindowDays ?? 30;

  const creatorName = new Map(creators.map((c) => [c.id, `${c.name} (@${c.handle})`]));
  const campaignName = new Map(campaigns.map((c) => [c.id, c.name]));
  // A creator or campaign deleted since keeps its id on the touch: shown as such rather than hidden.
  const creatorRef = (id: string): NamedRef => ({ id, name: creatorName.get(id) ?? id });
  const campaignRef = (id: string | null): NamedRef | null => (id === null ? null : { id, name: campaignName.get(id) ?? id });

  const touches: Touch[] = order.touches
    .filter((touch) => TOUCH_KINDS.includes(touch.kind))
    .map((touch) => ({
      kind: touch.kind as TouchKind,
      creatorId: touch.creatorId,
      campaignId: touch.campaignId,
      at: touch.at.toISOString(),
      evidence: touch.evidence,
    }));
  const explanation = explainAttribution(touches, model, order.processedAt, windowDays);
  const override = order.overrideCreatorId ? { creatorId: order.overrideCreatorId, campaignId: order.overrideCampaignId } : null;
  const counted = effectiveCredits(explanation.credits, override, touches);

  const netMinor = order.grossMinor - order.discountsMinor - order.refundsMinor;
  const index = order.customerOrderIndex;
  return {
    order: {
      id: order.id,
      name: order.name,
      shopifyOrderId: order.shopifyOrderId,
      processedAt: order.processedAt.toISOString(),
      currency: order.currency,
      grossMinor: order.grossMinor,
      discountsMinor: order.discountsMinor,
      refundsMinor: order.refundsMinor,
      netMinor,
      cancelled: order.cancelledAt !== null,
      test: order.test,
      codes: parseCodes(order.codes),
      landingUrl: order.landingUrl,
      referrer: order.referrer,
      customerType: order.customerId === null || index === null ? "unknown" : index <= 1 ? "new" : "returning",
    },
    ianaTimezone: settings?.ianaTimezone ?? "UTC",
    model,
    windowDays,
    winningRule: explanation.winningRule,
    signals: explanation.signals.map((signal) => ({
      kind: signal.kind,
      at: signal.at,
      creator: creatorRef(signal.creatorId),
      campaign: campaignRef(signal.campaignId),
      evidence: signal.evidence,
      status: signal.status,
      decisive: signal.decisive && override === null,
    })),
    modelCredits: explanation.credits.map((credit) => ({
      creator: creatorRef(credit.creatorId),
      campaign: campaignRef(credit.campaignId),
      ppm: credit.ppm,
      role: credit.role,
      kind: credit.kind,
    })),
    counted: counted.map((credit) => ({
      creator: creatorRef(credit.creatorId),
      campaign: campaignRef(credit.campaignId),
      ppm: credit.ppm,
      role: "credited" as const,
      kind: credit.kind,
    })),
    override: override
      ? {
          creator: creatorRef(override.creatorId),
          campaign: campaignRef(override.campaignId),
          by: order.overrideBy,
          at: order.overrideAt?.toISOString() ?? null,
        }
      : null,
    choices: {
      creators: creators.map((c) => ({ id: c.id, name: `${c.name} (@${c.handle})` })),
      campaigns: campaigns.map((c) => ({ id: c.id, name: c.name })),
    },
  };
}

/** A share in parts per million as a percentage with up to one decimal (333333 → 33.3). */
export function ppmToPercent(ppm: number): number {
  return Math.round((ppm / CREDIT_SCALE) * 1000) / 10;
}
