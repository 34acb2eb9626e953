import crypto from "node:crypto";
import { TEST_API_SECRET } from "./app-process";

// Shopify's app proxy signature: hex HMAC-SHA256, keyed by the app secret, of the query parameters (without
// `signature`) sorted by name and written "key=value" with no separator between pairs; a parameter that appears
// several times is written once with its values joined by ",". Written here from Shopify's documentation, not from
// the library the app verifies with, so that the tests check one against the other.

export type ProxyParams = Array<[string, string]>;

/** The signature Shopify would put on these parameters. */
export function appProxySignature(params: ProxyParams, secret: string = TEST_API_SECRET): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) {
    if (key === "signature") continue;
    grouped.set(key, [...(grouped.get(key) ?? []), value]);
  }
  const message = [...grouped.keys()]
    .sort()
    .map((key) => `${key}=${(grouped.get(key) ?? []).join(",")}`)
    .join("");
  return crypto.createHmac("sha256", secret).update(message).digest("hex");
}

export type ProxyRequestOptions = {
  shop: string;
  /** Extra query parameters the shopper's URL carried (Shopify forwards them, signed). */
  extra?: ProxyParams;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  secret?: string;
  prefix?: string;
  subpath?: string;
  loggedInCustomerId?: string;
};

/** The forwarded query Shopify sends to the proxy URL, in Shopify's order, signature last. */
export function appProxyParams(options: ProxyRequestOptions): ProxyParams {
  const params: ProxyParams = [
    ...(options.extra ?? []),
    ["shop", options.shop],
    ["logged_in_customer_id", options.loggedInCustomerId ?? ""],
    ["path_prefix", `/${options.prefix ?? "apps"}/${options.subpath ?? "creator-roi"}`],
    ["timestamp", String(options.timestamp ?? Math.floor(Date.now() / 1000))],
  ];
  return [...params, ["signature", appProxySignature(params, options.secret)]];
}

/** Query string of the parameters, in the given order. */
export function queryString(params: ProxyParams): string {
  return params.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join("&");
}

/** The URL Shopify's app proxy calls for https://<shop>/apps/<subpath>/<path>: <appUrl>/proxy/<path>?<signed query>. */
export function appProxyUrl(appUrl: string, path: string, options: ProxyRequestOptions): string {
  return `${appUrl.replace(/\/$/, "")}/proxy/${path}?${queryString(appProxyParams(options))}`;
}

/** GET a proxied URL as Shopify would forward it (the shopper's address in X-Forwarded-For), never following redirects. */
export function fetchThroughProxy(
  url: string,
  visitor: { ip?: string; userAgent?: string; referrer?: string; acceptLanguage?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {
    "X-Forwarded-For": visitor.ip ?? "203.0.113.10",
    "User-Agent": visitor.userAgent ?? "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 350.0",
  };
  if (visitor.referrer) headers.Referer = visitor.referrer;
  if (visitor.acceptLanguage) headers["Accept-Language"] = visitor.acceptLanguage;
  return fetch(url, { headers, redirect: "manual" });
}
