// Preloaded (node --import) into app servers started by tests: Shopify's remote API is the one
// stand-in, at its HTTP boundary. Admin API calls to https://<shop>.myshopify.com/admin/api/… go to
// the local stand-in (SHOPIFY_STAND_IN_URL); any other non-loopback request fails at once, so a
// test never waits on this closed network and never reaches a real host.
const standIn = process.env.SHOPIFY_STAND_IN_URL;
const realFetch = globalThis.fetch;

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || hostname.startsWith("127.");
}

globalThis.fetch = async (input: string | URL | Request, init?: RequestInit) => {
  const request = new Request(input, init);
  const url = new URL(request.url);
  if (isLoopback(url.hostname)) return realFetch(request);
  if (standIn && url.hostname.endsWith(".myshopify.com") && url.pathname.startsWith("/admin/api/")) {
    const target = new URL(url.pathname, standIn);
    target.searchParams.set("shop", url.hostname);
    return realFetch(new Request(target, request));
  }
  throw new TypeError(`fetch failed: ${url.host} is outside the test network`);
};

// A module (no exports) so that in-process tests can load it with a dynamic import.
export {};
