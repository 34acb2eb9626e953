/** The key that makes codes unique per shop: Shopify matches codes case-insensitively, so "emma15" is "EMMA15". */
export function codeKey(code: string): string {
  return code.trim().toUpperCase();
}
