import { RandomSourceError } from "./errors";

export const SLUG_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const SLUG_LENGTH = 8;

/** A source of uniformly random bytes, e.g. `(size) => crypto.randomBytes(size)`; injected so tests are deterministic. */
export type RandomBytes = (size: number) => Uint8Array;

// 248 = 4 × 62: bytes at or above it are discarded so every character is equally likely (no modulo bias).
const UNBIASED_LIMIT = 248;
const BYTES_PER_DRAW = 16;
const MAX_DRAWS = 16;

/**
 * A tracked link's public slug: 8 base62 characters (62^8 ≈ 2.2e14 values) from the injected random bytes.
 * Collisions are still possible; the database unique key on the slug decides, and the caller draws again.
 */
export function generateLinkSlug(randomBytes: RandomBytes): string {
  let slug = "";
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const bytes = randomBytes(BYTES_PER_DRAW);
    if (!(bytes instanceof Uint8Array) || bytes.length === 0) {
      throw new RandomSourceError("The random source must return a non-empty Uint8Array.");
    }
    for (const byte of bytes) {
      if (byte >= UNBIASED_LIMIT) continue;
      slug += SLUG_ALPHABET[byte % SLUG_ALPHABET.length];
      if (slug.length === SLUG_LENGTH) return slug;
    }
  }
  throw new RandomSourceError("The random source did not produce enough usable bytes.");
}

/** True for exactly 8 base62 characters: what the redirect route accepts before touching the database. */
export function isValidSlug(slug: string): boolean {
  return /^[0-9A-Za-z]{8}$/.test(slug);
}
