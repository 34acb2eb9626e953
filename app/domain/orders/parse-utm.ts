/** The five UTM parameters of a visit; null when absent or empty. */
export interface Utm {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  content: string | null;
  term: string | null;
}

export const EMPTY_UTM: Utm = Object.freeze({ source: null, medium: null, campaign: null, content: null, term: null });

// Shopify's landing_site is often relative ("/products/x?utm_source=ig"): resolve it against a placeholder origin.
const PLACEHOLDER_ORIGIN = "https://landing.invalid";

/**
 * Reads utm_source/medium/campaign/content/term from a landing URL, absolute or relative. Parameter names are
 * matched case-insensitively, the first occurrence wins, values are trimmed and keep their case. A URL that
 * cannot be parsed carries no UTM.
 */
export function parseUtm(landingUrl: string | null | undefined): Utm {
  if (!landingUrl) return EMPTY_UTM;
  let params: URLSearchParams;
  try {
    params = new URL(landingUrl.trim(), PLACEHOLDER_ORIGIN).searchParams;
  } catch {
    return EMPTY_UTM;
  }
  const found: Record<string, string> = {};
  for (const [key, value] of params) {
    const name = key.trim().toLowerCase();
    const trimmed = value.trim();
    if (name.startsWith("utm_") && !(name in found) && trimmed !== "") found[name] = trimmed;
  }
  return {
    source: found.utm_source ?? null,
    medium: found.utm_medium ?? null,
    campaign: found.utm_campaign ?? null,
    content: found.utm_content ?? null,
    term: found.utm_term ?? null,
  };
}
