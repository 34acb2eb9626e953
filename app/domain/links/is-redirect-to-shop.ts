import { InvalidShopDomainError } from "./errors";
import { safeDestinationPath } from "./safe-destination-path";
import { normalizeShopDomain } from "./shop-domain";

/**
 * Last check before the redirect route answers 302: the URL must be https on exactly the shop's host
 * (no port, no userinfo, no whitespace or backslash the URL parser would quietly repair), and its
 * `redirect` parameter, if any, must appear once and be a safe same-shop path.
 */
export function isRedirectToShop(url: string, shopDomain: string): boolean {
  let host: string;
  try {
    host = normalizeShopDomain(shopDomain);
  } catch (error) {
    if (error instanceof InvalidShopDomainError) return false;
    throw error;
  }
  if (/[\s\\\p{Cc}\p{Cf}]/u.test(url)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "https:" || parsed.username !== "" || parsed.password !== "" || parsed.port !== "") {
    return false;
  }
  if (parsed.hostname !== host) return false;
  const redirects = parsed.searchParams.getAll("redirect");
  if (redirects.length > 1) return false;
  const [redirect] = redirects;
  return redirect === undefined || safeDestinationPath(redirect).ok;
}
