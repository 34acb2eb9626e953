import { currencyExponent, InvalidCurrencyError } from "../money";
import { InvalidDiscountValueError } from "./errors";
import { MAX_CODE_LENGTH } from "./normalize-code-text";

export type DiscountValue =
  | { type: "percentage"; percent: number }
  | { type: "fixed_amount"; amountMinor: number; currency: string };

export interface SuggestDiscountCodeInput {
  handle: string;
  value: DiscountValue;
  /** Longest code to suggest; the handle part is shortened to fit, never the value. */
  maxLength?: number;
}

export const DEFAULT_SUGGESTED_CODE_LENGTH = 20;
export const FALLBACK_CODE_PREFIX = "CREATOR";

// Letters that NFD does not decompose into a base letter plus a mark.
const TRANSLITERATIONS: ReadonlyMap<string, string> = new Map([
  ["ø", "o"],
  ["æ", "ae"],
  ["œ", "oe"],
  ["ß", "ss"],
  ["đ", "d"],
  ["ð", "d"],
  ["ł", "l"],
  ["þ", "th"],
  ["ħ", "h"],
  ["ı", "i"],
]);

/**
 * Suggests a creator's code: their handle in A–Z and digits (accents and symbols dropped, "Zoé" → "ZOE",
 * "Ørsted" → "ORSTED") followed by the whole part of the discount (15% → "15", 10.00 EUR → "10").
 * Fractions are dropped, so the customer never gets less than the code advertises; a value under 1 adds no digits.
 * A handle with no usable letters becomes "CREATOR".
 */
export function suggestDiscountCode({
  handle,
  value,
  maxLength = DEFAULT_SUGGESTED_CODE_LENGTH,
}: SuggestDiscountCodeInput): string {
  const valuePart = valueDigits(value);
  if (!Number.isInteger(maxLength) || maxLength > MAX_CODE_LENGTH || maxLength < valuePart.length + 1) {
    throw new RangeError(
      `maxLength must be a whole number from ${valuePart.length + 1} to ${MAX_CODE_LENGTH}, got ${maxLength}.`,
    );
  }
  const room = maxLength - valuePart.length;
  const handlePart = codeLetters(handle) || FALLBACK_CODE_PREFIX;
  return handlePart.slice(0, room) + valuePart;
}

/** Upper-case A–Z and digits only, with accented and special Latin letters transliterated. */
export function codeLetters(text: string): string {
  const lower = text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  let out = "";
  for (const char of lower) out += TRANSLITERATIONS.get(char) ?? char;
  return out.toUpperCase().replace(/[^A-Z0-9]/g, "");
}

function valueDigits(value: DiscountValue): string {
  if (value.type === "percentage") {
    const { percent } = value;
    if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
      throw new InvalidDiscountValueError(`A percentage discount must be above 0 and at most 100, got ${percent}.`);
    }
    return wholeDigits(Math.floor(percent));
  }
  const { amountMinor, currency } = value;
  if (!Number.isSafeInteger(amountMinor) || amountMinor <= 0) {
    throw new InvalidDiscountValueError(`A fixed discount must be a positive whole number of minor units, got ${amountMinor}.`);
  }
  let exponent: number;
  try {
    exponent = currencyExponent(currency);
  } catch (error) {
    if (error instanceof InvalidCurrencyError) throw new InvalidDiscountValueError(error.message);
    throw error;
  }
  return wholeDigits(Math.floor(amountMinor / 10 ** exponent));
}

function wholeDigits(whole: number): string {
  return whole === 0 ? "" : String(whole);
}
