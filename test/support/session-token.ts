import crypto from "node:crypto";
import { TEST_API_KEY, TEST_API_SECRET } from "./app-process";

/** An App Bridge session token (HS256 JWT signed with the app secret), as the admin sends it. */
export function sessionToken(shop: string, opts: { userId?: string; apiKey?: string; secret?: string; expiresInSeconds?: number } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    iss: `https://${shop}/admin`,
    dest: `https://${shop}`,
    aud: opts.apiKey ?? TEST_API_KEY,
    sub: opts.userId ?? "42",
    exp: now + (opts.expiresInSeconds ?? 60),
    nbf: now - 5,
    iat: now - 5,
    jti: crypto.randomUUID(),
    sid: crypto.randomUUID(),
  };
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const unsigned = `${encode({ alg: "HS256", typ: "JWT" })}.${encode(payload)}`;
  const signature = crypto.createHmac("sha256", opts.secret ?? TEST_API_SECRET).update(unsigned).digest("base64url");
  return `${unsigned}.${signature}`;
}

/** The URL Shopify opens an embedded app's page with. */
export function embeddedUrl(appUrl: string, pathname: string, shop: string, token = sessionToken(shop)): string {
  const url = new URL(pathname, appUrl);
  url.searchParams.set("shop", shop);
  url.searchParams.set("host", Buffer.from(`admin.shopify.com/store/${shop.replace(".myshopify.com", "")}`).toString("base64url"));
  url.searchParams.set("embedded", "1");
  url.searchParams.set("id_token", token);
  return url.toString();
}

// Shopify's auth answers 410 to self-identified bots, which Node's fetch is; the admin is a browser.
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

/** fetch as the merchant's browser inside the admin. */
export function adminFetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("User-Agent", BROWSER_USER_AGENT);
  return fetch(url, { ...init, headers });
}

/** A request from App Bridge inside the admin (fetcher/form posts carry the session token as a bearer). */
export function adminRequest(appUrl: string, pathname: string, shop: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set("Authorization", `Bearer ${sessionToken(shop)}`);
  headers.set("User-Agent", BROWSER_USER_AGENT);
  const url = new URL(pathname, appUrl);
  if (!url.searchParams.has("shop")) url.searchParams.set("shop", shop);
  return fetch(url, { redirect: "manual", ...init, headers });
}
