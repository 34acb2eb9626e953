import { appendUtm } from "./append-utm";
import type { UtmSet } from "./build-utm";
import { InvalidLinkCodeError, UnsafeDestinationError } from "./errors";
import { safeDestinationPath } from "./safe-destination-path";
import { normalizeShopDomain } from "./shop-domain";

// Shopify's limit on discount code text.
const MAX_SHOPIFY_CODE_LENGTH = 255;

export interface BuildDiscountUrlInput {
  shopDomain: string;
  code: string;
  /** Same-shop path staff chose ("/collections/summer"); checked with safeDestinationPath. */
  redirectPath: string;
  utm?: UtmSet | null;
}

/**
 * Shopify's shareable discount link: https://<shop>/discount/<CODE>?redirect=<path>. Opening it applies the code
 * to the cart and sends the visitor to the path, which carries the link's UTMs so the landing page records them.
 */
export function buildDiscountUrl({ shopDomain, code, redirectPath, utm }: BuildDiscountUrlInput): string {
  const host = normalizeShopDomain(shopDomain);
  if (code === "" || code !== code.trim() || code.length > MAX_SHOPIFY_CODE_LENGTH || /[\p{Cc}\p{Cf}]/u.test(code)) {
    throw new InvalidLinkCodeError(`Cannot put discount code ${JSON.stringify(code)} in a link.`);
  }
  const destination = safeDestinationPath(redirectPath);
  if (!destination.ok) throw new UnsafeDestinationError(destination.reason);
  const redirect = utm ? appendUtm(destination.path, utm) : destination.path;
  return `https://${host}/discount/${encodeURIComponent(code)}?redirect=${encodeURIComponent(redirect)}`;
}
