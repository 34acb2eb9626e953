/** Base class of discount-code errors, so callers can catch the family at once. */
export class DiscountCodeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** A discount value that cannot be advertised in a code (percent outside 0–100, non-positive amount, bad currency). */
export class InvalidDiscountValueError extends DiscountCodeError {}

/** Code text that is not a valid code (see normalizeCodeText for the rule). */
export class InvalidDiscountCodeError extends DiscountCodeError {}

/** Every candidate from a base was taken (or the candidates ran out); staff must choose another code. */
export class NoFreeCodeError extends DiscountCodeError {
  constructor(
    readonly base: string,
    readonly tried: readonly string[],
  ) {
    super(`No free discount code from ${base}: tried ${tried.length} (${tried.slice(0, 3).join(", ")}${tried.length > 3 ? ", ..." : ""}).`);
  }
}
