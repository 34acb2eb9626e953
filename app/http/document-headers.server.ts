import { getDemoConfig } from "../demo/demo-mode.server";
import { addDocumentResponseHeaders } from "../shopify.server";

/**
 * Headers of every HTML document. Shopify's helper sets frame-ancestors only when the request
 * names a shop; without one (login page, deep link) the page may still only be framed by the admin.
 * The demo is never framed and must not preload App Bridge from Shopify's CDN.
 */
export function addDocumentHeaders(request: Request, headers: Headers): void {
  if (getDemoConfig()) {
    headers.set("Content-Security-Policy", "frame-ancestors 'none';");
    return;
  }
  addDocumentResponseHeaders(request, headers);
  if (!headers.has("Content-Security-Policy")) {
    headers.set("Content-Security-Policy", "frame-ancestors https://admin.shopify.com;");
  }
}
