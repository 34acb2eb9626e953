// Reads the settings form: attribution model and window, default margin in percent.
import { ATTRIBUTION_MODELS, type AttributionModel } from "~/domain/attribution";
import { parsePercentToBps } from "./collaboration-costs-input";

export const MIN_WINDOW_DAYS = 1;
/** Beyond 90 days a click says little about an order, and the cap bounds how far back ingestion looks for touches. */
export const MAX_WINDOW_DAYS = 90;

export type SettingsField = "attributionModel" | "attributionWindowDays" | "defaultMargin";
export type SettingsParse =
  | { ok: true; value: { attributionModel: AttributionModel; attributionWindowDays: number; defaultMarginBps: number } }
  | { ok: false; errors: Partial<Record<SettingsField, string>> };

/** The settings typed by staff, or a locale key of the problem per field (all at once). */
export function parseSettingsForm(raw: { attributionModel?: string; attributionWindowDays?: string; defaultMargin?: string }): SettingsParse {
  const errors: Partial<Record<SettingsField, string>> = {};
  const model = ATTRIBUTION_MODELS.find((m) => m === raw.attributionModel);
  if (!model) errors.attributionModel = "analytics.settings.errors.model";
  const windowText = (raw.attributionWindowDays ?? "").trim();
  const windowDays = /^\d{1,3}$/.test(windowText) ? Number(windowText) : Number.NaN;
  if (!(windowDays >= MIN_WINDOW_DAYS && windowDays <= MAX_WINDOW_DAYS)) errors.attributionWindowDays = "analytics.settings.errors.window";
  const margin = parsePercentToBps(raw.defaultMargin ?? "");
  if (!margin.ok || (raw.defaultMargin ?? "").trim() === "") errors.defaultMargin = "analytics.settings.errors.margin";
  if (Object.keys(errors).length > 0 || !model || !margin.ok) return { ok: false, errors };
  return { ok: true, value: { attributionModel: model, attributionWindowDays: windowDays, defaultMarginBps: margin.bps } };
}
