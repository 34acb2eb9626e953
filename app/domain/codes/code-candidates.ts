import { InvalidDiscountCodeError } from "./errors";
import { MAX_CODE_LENGTH, normalizeCodeText } from "./normalize-code-text";

/**
 * Codes to try, in order, when a base code may be taken: the base, then base+"2", base+"3", ...
 * When the base ends in a digit the counter is set off by "-" ("EMMA15" → "EMMA15-2", not "EMMA152",
 * which would read as 152%). A candidate longer than maxLength shortens the base, never the counter;
 * the sequence ends when no letter of the base is left.
 */
export function* codeCandidates(base: string, maxLength: number = MAX_CODE_LENGTH): Generator<string, void, undefined> {
  const checked = normalizeCodeText(base);
  if (!checked.ok) throw new InvalidDiscountCodeError(checked.message);
  if (checked.code !== base) {
    throw new InvalidDiscountCodeError(`Base code ${JSON.stringify(base)} must already be normalised (${checked.code}).`);
  }
  if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > MAX_CODE_LENGTH) {
    throw new RangeError(`maxLength must be a whole number from 1 to ${MAX_CODE_LENGTH}, got ${maxLength}.`);
  }
  if (base.length > maxLength) {
    throw new InvalidDiscountCodeError(`Base code ${base} is longer than ${maxLength} characters.`);
  }
  yield base;
  for (let n = 2; ; n++) {
    const counter = String(n);
    let stem = base;
    let candidate = withCounter(stem, counter);
    while (candidate.length > maxLength && stem.length > 0) {
      stem = stem.slice(0, -1);
      candidate = withCounter(stem, counter);
    }
    if (stem.length === 0) return;
    yield candidate;
  }
}

function withCounter(stem: string, counter: string): string {
  return /[0-9]$/.test(stem) ? `${stem}-${counter}` : stem + counter;
}
