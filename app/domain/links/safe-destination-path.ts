export const MAX_DESTINATION_LENGTH = 2048;
// Enough for any honest double encoding (a path copied from an already-encoded link); more is an evasion attempt.
const MAX_DECODE_ROUNDS = 4;

export type UnsafePathReason =
  | "empty"
  | "too_long"
  | "not_relative"
  | "scheme"
  | "protocol_relative"
  | "backslash"
  | "control_character"
  | "invisible_character"
  | "lookalike_slash"
  | "bad_encoding"
  | "too_deeply_encoded"
  | "dot_segment"
  | "at_sign"
  | "fragment"
  | "not_same_origin";

export type SafeDestinationPathResult = { ok: true; path: string } | { ok: false; reason: UnsafePathReason };

const CONTROL = /\p{Cc}/u;
// Zero-width and bidi characters, line/paragraph separators and non-ASCII spaces hide what a path really says.
const INVISIBLE = /[\p{Cf}\u2028\u2029\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/u;
// Characters that render like / or \; some URL layers map them to the real thing.
const LOOKALIKE_SLASH = /[\uFF0F\uFF3C\u2215\u2216\u2044\u29F8\u29F9\uFE68]/u;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const SANDBOX_ORIGIN = "https://shop.invalid";

/**
 * The destination staff give a tracked link must stay on the shop: a relative path starting with a single "/",
 * without scheme, backslash, control or invisible characters, "." or ".." segments, "@" in the path, or "#",
 * checked on the text as typed and again after each round of percent-decoding (so %2F%2F, %5C, %0d%0a are caught).
 * "/@evil.com" is refused too: it would be a harmless path on the shop, but no storefront path has "@" and
 * refusing it leaves nothing for a layer that mishandles the leading "/" to turn into userinfo.
 * On success the path is returned in canonical form (pathname + query as the URL standard serialises them).
 */
export function safeDestinationPath(input: string): SafeDestinationPathResult {
  // Only ASCII spaces are forgiven around a pasted path; tabs and newlines are refused below.
  const text = input.replace(/^ +| +$/g, "");
  if (text === "") return fail("empty");
  if (text.length > MAX_DESTINATION_LENGTH) return fail("too_long");
  if (text.includes("#")) return fail("fragment");

  // The path is everything before the first literal "?"; a decoded %3F inside it is still part of the path.
  const queryAt = text.indexOf("?");
  const rawPath = queryAt === -1 ? text : text.slice(0, queryAt);
  const layers = decodeLayers(text);
  const pathLayers = decodeLayers(rawPath);
  if (layers === null || pathLayers === null) return fail("too_deeply_encoded");
  for (const layer of layers) {
    const reason = unsafeCharacters(layer);
    if (reason !== null) return fail(reason);
  }
  for (const layer of pathLayers) {
    const reason = unsafePath(layer);
    if (reason !== null) return fail(reason);
  }

  let url: URL;
  try {
    url = new URL(text, SANDBOX_ORIGIN);
  } catch {
    return fail("not_relative");
  }
  if (url.origin !== SANDBOX_ORIGIN || url.username !== "" || url.password !== "") return fail("not_same_origin");
  const path = url.pathname + url.search;
  if (path.startsWith("//")) return fail("protocol_relative");
  if (path.length > MAX_DESTINATION_LENGTH) return fail("too_long");
  return { ok: true, path };
}

function fail(reason: UnsafePathReason): SafeDestinationPathResult {
  return { ok: false, reason };
}

/** The text as typed, then after each round of percent-decoding until it stops changing; null past the limit. */
function decodeLayers(text: string): string[] | null {
  const layers = [text];
  let current = text;
  for (let round = 0; ; round++) {
    const decoded = percentDecodeOnce(current);
    if (decoded === current) return layers;
    if (round === MAX_DECODE_ROUNDS) return null;
    layers.push(decoded);
    current = decoded;
  }
}

function unsafeCharacters(layer: string): UnsafePathReason | null {
  if (CONTROL.test(layer)) return "control_character";
  if (INVISIBLE.test(layer)) return "invisible_character";
  if (layer.includes("\uFFFD") || /\p{Cs}/u.test(layer)) return "bad_encoding";
  if (layer.includes("\\")) return "backslash";
  if (LOOKALIKE_SLASH.test(layer)) return "lookalike_slash";
  if (SCHEME.test(layer)) return "scheme";
  return null;
}

function unsafePath(path: string): UnsafePathReason | null {
  if (!path.startsWith("/")) return "not_relative";
  if (path.startsWith("//")) return "protocol_relative";
  if (path.split("/").some((segment) => segment === "." || segment === "..")) return "dot_segment";
  if (path.includes("@")) return "at_sign";
  return null;
}

const utf8 = new TextDecoder("utf-8", { fatal: false });
const encoder = new TextEncoder();

/**
 * One round of percent-decoding at the byte level, then UTF-8: malformed sequences (overlong "/" as %C0%AF,
 * stray continuation bytes) become U+FFFD, which the checks refuse, instead of throwing like decodeURIComponent.
 * A "%" not followed by two hex digits is kept as is.
 */
function percentDecodeOnce(text: string): string {
  if (!/%[0-9A-Fa-f]{2}/.test(text)) return text;
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === "%" && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
      continue;
    }
    const code = text.codePointAt(i) as number;
    const encoded = encoder.encode(String.fromCodePoint(code));
    for (const byte of encoded) bytes.push(byte);
    if (code > 0xffff) i++;
  }
  return utf8.decode(new Uint8Array(bytes));
}
