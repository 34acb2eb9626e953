import { MESSAGES } from "../i18n/locales";
import { createTranslator, parseAcceptLanguage, resolveLocale } from "../i18n/translate";
import type { FollowLinkOutcome } from "../services/follow-tracked-link.server";

// Every answer is per visitor and per moment (a click is counted, a window fills): never cached by Shopify or a CDN.
const NO_STORE = { "Cache-Control": "no-store", "X-Robots-Tag": "noindex" };

function page(request: Request, titleKey: string, bodyKey: string, status: number, extra: Record<string, string> = {}): Response {
  const locale = resolveLocale(parseAcceptLanguage(request.headers.get("Accept-Language")));
  const t = createTranslator(MESSAGES[locale], locale);
  // The strings come from our locale files, not from the request: nothing here needs escaping beyond them.
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(t(titleKey))}</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1>${escapeHtml(t(titleKey))}</h1><p>${escapeHtml(t(bodyKey))}</p></body></html>`;
  return new Response(html, { status, headers: { "Content-Type": "text/html; charset=utf-8", ...NO_STORE, ...extra } });
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The HTTP answer to a followed link: 302 to the shop, a 404 page, or 429 with Retry-After. */
export function linkProxyResponse(outcome: FollowLinkOutcome, request: Request): Response {
  switch (outcome.kind) {
    case "redirect":
      return new Response(null, { status: 302, headers: { Location: outcome.location, ...NO_STORE } });
    case "not_found":
      return page(request, "linkProxy.notFoundTitle", "linkProxy.notFoundBody", 404);
    case "rate_limited":
      return page(request, "linkProxy.rateLimitedTitle", "linkProxy.rateLimitedBody", 429, { "Retry-After": String(outcome.retryAfterSeconds) });
  }
}
