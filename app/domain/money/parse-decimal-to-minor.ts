import { currencyExponent } from "./currency-exponent";
import { InvalidAmountError } from "./errors";

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Converts a Shopify decimal string ("414.95", "-5.85", "100.00" for JPY) into integer minor units by string arithmetic.
 * Digits beyond the currency's exponent are accepted only when they are zeros (Shopify pads JPY to "100.00");
 * a non-zero excess digit would be a fraction of the minor unit and is rejected rather than rounded.
 */
export function parseDecimalToMinor(amount: string, currency: string): number {
  const exponent = currencyExponent(currency);
  if (typeof amount !== "string") {
    throw new InvalidAmountError(`Amount must be a decimal string, got ${typeof amount}`);
  }
  const match = DECIMAL.exec(amount);
  if (!match) {
    throw new InvalidAmountError(`Malformed amount ${JSON.stringify(amount)}: expected digits with an optional "." and decimals`);
  }
  const [, sign = "", integerDigits = "", fractionDigits = ""] = match;
  const kept = fractionDigits.slice(0, exponent);
  const excess = fractionDigits.slice(exponent);
  if (/[^0]/.test(excess)) {
    throw new InvalidAmountError(
      `Amount ${JSON.stringify(amount)} has more than ${exponent} significant decimal(s) for ${currency}`,
    );
  }
  const digits = (integerDigits + kept.padEnd(exponent, "0")).replace(/^0+(?=\d)/, "");
  const magnitude = BigInt(digits);
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new InvalidAmountError(`Amount ${JSON.stringify(amount)} ${currency} exceeds the safe integer range in minor units`);
  }
  const minor = Number(magnitude);
  // "-0.00" must be 0, not -0, so that equality and JSON stay clean.
  return sign === "-" && minor !== 0 ? -minor : minor;
}
