import { assertCurrencyCode } from "./currency-exponent";
import { CurrencyMismatchError, InvalidMinorAmountError } from "./errors";

/** An amount in integer minor units of an ISO 4217 currency (cents for USD, yen for JPY, fils for KWD). */
export interface Money {
  readonly amountMinor: number;
  readonly currency: string;
}

/** Throws unless `minor` is a safe integer: minor units are never fractional. */
export function assertMinor(minor: number): void {
  if (!Number.isSafeInteger(minor)) {
    throw new InvalidMinorAmountError(`Minor amount must be a safe integer, got ${String(minor)}`);
  }
}

/** Builds a validated Money value. */
export function money(amountMinor: number, currency: string): Money {
  assertMinor(amountMinor);
  assertCurrencyCode(currency);
  return { amountMinor: amountMinor === 0 ? 0 : amountMinor, currency };
}

function sameCurrency(a: Money, b: Money, operation: string): void {
  if (a.currency !== b.currency) {
    throw new CurrencyMismatchError(`Cannot ${operation} ${a.currency} and ${b.currency}: convert explicitly first`);
  }
}

/** Adds two amounts of the same currency; mixing currencies throws. */
export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b, "add");
  return money(a.amountMinor + b.amountMinor, a.currency);
}

/** Subtracts b from a in the same currency; mixing currencies throws. */
export function subMoney(a: Money, b: Money): Money {
  sameCurrency(a, b, "subtract");
  return money(a.amountMinor - b.amountMinor, a.currency);
}

/** Sums amounts of one currency; an empty list sums to zero in `currency`. */
export function sumMoney(amounts: readonly Money[], currency: string): Money {
  return amounts.reduce((total, next) => addMoney(total, next), money(0, currency));
}
