import { InvalidCurrencyError } from "./errors";

/**
 * ISO 4217 minor-unit exponents that differ from the default of 2.
 * Shopify follows ISO 4217, so amounts arrive with exactly these decimals.
 */
const NON_DEFAULT_EXPONENTS: Readonly<Record<string, number>> = {
  // 0 decimals
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0,
  RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  // 3 decimals
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  // 4 decimals (units of account; Shopify does not sell in them, listed so they are never misread as 2)
  CLF: 4, UYW: 4,
};

const DEFAULT_EXPONENT = 2;

/** Throws unless `currency` is three upper-case letters; codes are never silently upper-cased. */
export function assertCurrencyCode(currency: string): void {
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new InvalidCurrencyError(`Invalid currency code ${JSON.stringify(currency)}: expected three upper-case letters (ISO 4217)`);
  }
}

/** Number of decimals of the currency's minor unit (ISO 4217); unknown well-formed codes use 2. */
export function currencyExponent(currency: string): number {
  assertCurrencyCode(currency);
  return NON_DEFAULT_EXPONENTS[currency] ?? DEFAULT_EXPONENT;
}
