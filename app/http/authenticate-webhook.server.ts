import { authenticate } from "../shopify.server";

/**
 * Verifies a webhook with Shopify's library. A delivery without a signature header is refused with
 * 401 like a wrong one (the library answers 400): either way the caller failed to authenticate.
 */
export async function authenticateWebhook(request: Request) {
  if (!request.headers.get("X-Shopify-Hmac-Sha256")) {
    throw new Response("Missing webhook signature", { status: 401 });
  }
  return authenticate.webhook(request);
}
