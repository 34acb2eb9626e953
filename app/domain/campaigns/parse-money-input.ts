import { parseDecimalToMinor } from "../money";

export type MoneyInputResult = { ok: true; minor: number } | { ok: false; error: "invalid" | "negative" | "too_precise" };

/**
 * Reads an amount typed by staff into minor units of the shop currency, exactly: "1500", "1500.50",
 * or "1500,50" (a single comma is the decimal separator in French). Thousands separators, signs other than
 * a leading "-", and more decimals than the currency has are refused rather than guessed.
 */
export function parseMoneyInput(raw: string, currencyCode: string): MoneyInputResult {
  let text = raw.trim();
  if (/^-/.test(text)) return { ok: false, error: "negative" };
  if (!text.includes(".") && /^\d+,\d+$/.test(text)) text = text.replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(text)) return { ok: false, error: "invalid" };
  try {
    return { ok: true, minor: parseDecimalToMinor(text, currencyCode) };
  } catch {
    // The pattern above leaves excess precision or an amount beyond the safe range as the only failures.
    return { ok: false, error: /\.\d+$/.test(text) ? "too_precise" : "invalid" };
  }
}
