export const MAX_HANDLE_LENGTH = 64;

export type HandleError = "empty" | "too_long" | "invalid_characters";

export type NormalizeHandleResult =
  | { ok: true; handle: string }
  | { ok: false; error: HandleError; message: string };

// Letters (any script, with their combining marks), digits, dot, underscore and hyphen:
// the union of what Instagram, TikTok, YouTube and Twitch accept in a handle.
const HANDLE_PATTERN = /^[\p{L}\p{M}\p{N}._-]+$/u;

/**
 * A creator handle as staff type it: trimmed, one leading "@" dropped, NFC-normalised;
 * rejected when empty, longer than 64 characters, or containing anything but letters, digits, ".", "_", "-".
 * Case is kept for display; uniqueness uses handleKey.
 */
export function normalizeHandle(raw: string): NormalizeHandleResult {
  const handle = raw.trim().replace(/^@/, "").normalize("NFC");
  if (handle.length === 0) {
    return { ok: false, error: "empty", message: "Handle is required." };
  }
  if ([...handle].length > MAX_HANDLE_LENGTH) {
    return {
      ok: false,
      error: "too_long",
      message: `Handle must be at most ${MAX_HANDLE_LENGTH} characters.`,
    };
  }
  if (!HANDLE_PATTERN.test(handle)) {
    return {
      ok: false,
      error: "invalid_characters",
      message: 'Handle may only contain letters, digits, ".", "_" and "-" (no spaces).',
    };
  }
  return { ok: true, handle };
}

/** The key that makes handles unique per shop regardless of case: "Emma" and "@EMMA" are the same creator. */
export function handleKey(handle: string): string {
  return handle.trim().replace(/^@/, "").normalize("NFC").toLowerCase();
}
