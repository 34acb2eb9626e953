/** Base class of every money error, so callers can catch the family at once. */
export class MoneyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A decimal amount string that is not a plain Shopify-style decimal, or carries more precision than the currency has. */
export class InvalidAmountError extends MoneyError {}

/** A currency code that is not three upper-case ASCII letters. */
export class InvalidCurrencyError extends MoneyError {}

/** Two amounts in different currencies were combined; there is no implicit conversion. */
export class CurrencyMismatchError extends MoneyError {}

/** A minor-unit amount that is not a safe integer, or a result that would leave the safe integer range. */
export class InvalidMinorAmountError extends MoneyError {}

/** Weights or rates that cannot split an amount (empty, negative, non-finite, all zero, non-integer rate). */
export class InvalidAllocationError extends MoneyError {}
