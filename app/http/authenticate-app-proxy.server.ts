import { isValidShopDomain } from "../domain/links";
import { authenticate } from "../shopify.server";

const MYSHOPIFY_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;

function unauthorized(why: string): Response {
  return new Response(`Unauthorized: ${why}`, { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * Verifies that a request really comes through the shop's app proxy, with Shopify's library: the `signature` is the
 * HMAC-SHA256 of the sorted query with the app secret, and the library refuses timestamps more than 90 s away. Every
 * refusal is a 401 (the library answers 400): the caller failed to authenticate, whatever the flaw. Returns the
 * signed shop, which is the only shop the request may act on.
 */
export async function authenticateAppProxy(request: Request): Promise<{ shop: string }> {
  const params = new URL(request.url).searchParams;
  if (params.getAll("signature").length !== 1 || params.get("signature") === "") throw unauthorized("missing signature");
  try {
    await authenticate.public.appProxy(request);
  } catch (error) {
    if (error instanceof Response) throw unauthorized("invalid signature");
    throw error;
  }
  const shop = params.get("shop") ?? "";
  // Signed by Shopify, so trusted; checked anyway because it keys every query that follows.
  if (!MYSHOPIFY_DOMAIN.test(shop) || !isValidShopDomain(shop)) throw unauthorized("invalid shop");
  return { shop };
}
