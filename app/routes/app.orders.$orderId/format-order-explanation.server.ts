import { formatMinor } from "../../domain/money";
import { ppmToPercent, type OrderExplanation } from "../../queries/get-order-explanation.server";

/** What the order page shows: the explanation with dates and money formatted on the server (no hydration drift). */
export function formatOrderExplanation(explanation: OrderExplanation, locale: string) {
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: explanation.ianaTimezone });
  const when = (iso: string) => dateTime.format(new Date(iso));
  const money = (minor: number) => formatMinor(minor, explanation.order.currency, locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 1 });
  const share = (ppm: number) => percent.format(ppmToPercent(ppm) / 100);
  const { order } = explanation;
  return {
    order: {
      id: order.id,
      name: order.name,
      processedAt: when(order.processedAt),
      gross: money(order.grossMinor),
      discounts: money(order.discountsMinor),
      refunds: money(order.refundsMinor),
      net: money(order.netMinor),
      cancelled: order.cancelled,
      test: order.test,
      codes: order.codes,
      landingUrl: order.landingUrl,
      referrer: order.referrer,
      customerType: order.customerType,
    },
    model: explanation.model,
    windowDays: explanation.windowDays,
    winningRule: explanation.winningRule,
    signals: explanation.signals.map((signal) => ({
      kind: signal.kind,
      at: when(signal.at),
      creator: signal.creator.name,
      campaign: signal.campaign?.name ?? null,
      evidence: signal.evidence,
      status: signal.status,
      decisive: signal.decisive,
    })),
    modelCredits: explanation.modelCredits.map((credit) => ({
      creatorId: credit.creator.id,
      creator: credit.creator.name,
      campaign: credit.campaign?.name ?? null,
      share: share(credit.ppm),
      role: credit.role,
      kind: credit.kind,
    })),
    counted: explanation.counted.map((credit) => ({
      creatorId: credit.creator.id,
      creator: credit.creator.name,
      campaign: credit.campaign?.name ?? null,
      share: share(credit.ppm),
      kind: credit.kind,
    })),
    override: explanation.override
      ? {
          creatorId: explanation.override.creator.id,
          creator: explanation.override.creator.name,
          campaignId: explanation.override.campaign?.id ?? null,
          campaign: explanation.override.campaign?.name ?? null,
          by: explanation.override.by,
          at: explanation.override.at ? when(explanation.override.at) : null,
        }
      : null,
    choices: explanation.choices,
  };
}

export type OrderExplanationView = ReturnType<typeof formatOrderExplanation>;
