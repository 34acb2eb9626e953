/** The comparison form of a discount code: trimmed and upper-cased, since Shopify matches codes case-insensitively. */
export function normalizeCode(code: string): string | null {
  const trimmed = code.trim();
  return trimmed === "" ? null : trimmed.toUpperCase();
}
