import type { Visitor } from "../services/follow-tracked-link.server";

/**
 * Who is behind an app proxy request. Shopify forwards the shopper's address in X-Forwarded-For; proxies of our
 * own hosting append theirs after it, so the first entry is the shopper. It is used only for the rate limit and the
 * salted visitor hash, never stored.
 */
export function proxyVisitor(request: Request): Visitor {
  const forwarded = request.headers.get("X-Forwarded-For");
  const first = forwarded?.split(",")[0]?.trim() ?? "";
  return {
    ip: first === "" ? null : first.slice(0, 64),
    userAgent: request.headers.get("User-Agent"),
    referrer: request.headers.get("Referer"),
  };
}
