import { currencyExponent } from "./currency-exponent";
import { assertMinor } from "./money";

/** Renders integer minor units as an exact decimal string with the currency's decimals (12345 USD → "123.45"). */
export function minorToDecimal(minor: number, currency: string): string {
  assertMinor(minor);
  const exponent = currencyExponent(currency);
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor)).padStart(exponent + 1, "0");
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
