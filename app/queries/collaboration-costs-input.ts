// Reads the cost terms staff type on the creator page: amounts in the shop currency and a commission rate in percent.
import { parseMoneyInput } from "~/domain/campaigns";
import type { CollaborationCostsInput } from "../models/collaboration-costs.server";

export type CostField = "fee" | "commission" | "gifted" | "shipping";
export type CostFieldError = "invalid" | "negative" | "too_precise" | "over_100";

export type CostsParseResult = { ok: true; value: CollaborationCostsInput } | { ok: false; errors: Partial<Record<CostField, CostFieldError>> };

/** A percentage with at most two decimals between 0 and 100 ("12.5", "12,5") in basis points (1250). */
export function parsePercentToBps(raw: string): { ok: true; bps: number } | { ok: false; error: CostFieldError } {
  let text = raw.trim();
  if (text === "") return { ok: true, bps: 0 };
  if (text.startsWith("-")) return { ok: false, error: "negative" };
  if (!text.includes(".") && /^\d+,\d+$/.test(text)) text = text.replace(",", ".");
  const match = /^(\d{1,3})(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, error: "invalid" };
  const fraction = match[2] ?? "";
  if (fraction.length > 2) return { ok: false, error: "too_precise" };
  const bps = Number(match[1]) * 100 + Number(fraction.padEnd(2, "0"));
  if (bps > 10_000) return { ok: false, error: "over_100" };
  return { ok: true, bps };
}

/** All four cost fields, or every field's problem at once; an empty amount is zero. */
export function parseCollaborationCosts(
  raw: { fee: string; commission: string; gifted: string; shipping: string },
  currencyCode: string,
): CostsParseResult {
  const errors: Partial<Record<CostField, CostFieldError>> = {};
  const money = (field: "fee" | "gifted" | "shipping") => {
    if (raw[field].trim() === "") return 0;
    const result = parseMoneyInput(raw[field], currencyCode);
    if (result.ok) return result.minor;
    errors[field] = result.error;
    return 0;
  };
  const feeMinor = money("fee");
  const giftedCostMinor = money("gifted");
  const shippingCostMinor = money("shipping");
  const rate = parsePercentToBps(raw.commission);
  if (!rate.ok) errors.commission = rate.error;
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: { feeMinor, commissionBps: rate.ok ? rate.bps : 0, giftedCostMinor, shippingCostMinor } };
}
