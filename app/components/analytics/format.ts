// How analytics figures read on screen: money in the shop currency, counts, multiples (ROAS) and percentages, each
// through Intl in the admin's language. An undefined ratio has no number: the page shows "—" and its reason.
import type { Ratio } from "~/domain/metrics";
import { formatMinor } from "~/domain/money";

export type FigureFormat = "money" | "count" | "multiple" | "percent";

/** The text shown where a figure has no value (zero denominator), with its reason in a tooltip. */
export const NO_VALUE = "—";

/** Money in minor units of the shop currency, localised ("1 234,50 €"). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return formatMinor(minor, currency, locale);
}

/** A count; credit-weighted orders may carry up to two decimals (1.5 orders under a linear model). */
export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

/** A figure of the given kind; money figures are in minor units. */
export function formatFigure(value: number, format: FigureFormat, currency: string, locale: string): string {
  switch (format) {
    case "money":
      return formatMoney(value, currency, locale);
    case "count":
      return formatCount(value, locale);
    case "multiple":
      return `${new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)}×`;
    case "percent":
      return new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
  }
}

/** A ratio's text, or null when it is undefined (the caller shows NO_VALUE and the reason). */
export function formatRatio(ratio: Ratio, format: FigureFormat, currency: string, locale: string): string | null {
  return ratio.kind === "value" ? formatFigure(ratio.value, format, currency, locale) : null;
}

/** A relative change as a signed percentage ("+12.5%", "−3.0%"). */
export function formatChange(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: "percent", signDisplay: "exceptZero", minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

/** The locale key explaining why a ratio has no value. */
export function reasonKey(ratio: Ratio): string | null {
  return ratio.kind === "undefined" ? `analytics.reasons.${ratio.reason}` : null;
}

/** A short day label in the admin's language ("3 Mar"), from a shop-zone day key. */
export function formatDay(day: string, locale: string, style: "short" | "medium" = "short"): string {
  const [y, m, d] = day.split("-").map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  return new Intl.DateTimeFormat(locale, style === "short" ? { day: "numeric", month: "short", timeZone: "UTC" } : { dateStyle: "medium", timeZone: "UTC" }).format(date);
}
