// Shopify accepts up to 255 characters; we cap lower because customers type these codes from a video or a story.
export const MAX_CODE_LENGTH = 32;

export type CodeTextError = "empty" | "too_long" | "invalid_characters";

export type NormalizeCodeTextResult =
  | { ok: true; code: string }
  | { ok: false; error: CodeTextError; message: string };

const CODE_PATTERN = /^[A-Za-z0-9_-]+$/;

/**
 * A code typed by staff: trimmed and upper-cased; refused when empty, longer than 32 characters,
 * or containing anything but ASCII letters, digits, "-" and "_" (no spaces, no accents).
 */
export function normalizeCodeText(staffInput: string): NormalizeCodeTextResult {
  const code = staffInput.trim();
  if (code === "") return { ok: false, error: "empty", message: "Enter a discount code." };
  if (code.length > MAX_CODE_LENGTH) {
    return {
      ok: false,
      error: "too_long",
      message: `A discount code can be at most ${MAX_CODE_LENGTH} characters (this one has ${code.length}).`,
    };
  }
  if (!CODE_PATTERN.test(code)) {
    return {
      ok: false,
      error: "invalid_characters",
      message: 'A discount code may only contain letters A–Z, digits, "-" and "_" (no spaces or accents).',
    };
  }
  return { ok: true, code: code.toUpperCase() };
}
