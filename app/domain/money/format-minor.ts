import { currencyExponent } from "./currency-exponent";
import { minorToDecimal } from "./minor-to-decimal";

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats minor units as a localized currency string, always with the currency's ISO decimals
 * (CLDR shows some currencies with fewer digits than they are stored with; the stored precision wins).
 * The exact decimal string is passed to Intl, so large amounts are never rounded through a float.
 */
export function formatMinor(minor: number, currency: string, locale: string): string {
  const decimal = minorToDecimal(minor, currency);
  const exponent = currencyExponent(currency);
  const key = `${locale}\u0000${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(decimal as Intl.StringNumericLiteral);
}
