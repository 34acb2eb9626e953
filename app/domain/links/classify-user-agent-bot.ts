// Link-preview fetchers of the apps creators post in, then search and AI crawlers, then HTTP tools and
// headless browsers. In-app browsers of real people ("Instagram 300.0", "musical_ly", "FBAN/FBIOS") are not here.
const KNOWN_AGENTS = [
  "facebookexternalhit",
  "facebookcatalog",
  "meta-externalagent",
  "meta-externalfetcher",
  "twitterbot",
  "slackbot",
  "slack-imgproxy",
  "whatsapp",
  "telegrambot",
  "discordbot",
  "linkedinbot",
  "pinterestbot",
  "redditbot",
  "skypeuripreview",
  "snap url preview",
  "embedly",
  "iframely",
  "quora link preview",
  "vkshare",
  "googlebot",
  "google-inspectiontool",
  "adsbot-google",
  "mediapartners-google",
  "apis-google",
  "feedfetcher-google",
  "google-read-aloud",
  "googleother",
  "storebot-google",
  "bingbot",
  "bingpreview",
  "adidxbot",
  "msnbot",
  "applebot",
  "yandexbot",
  "baiduspider",
  "duckduckbot",
  "slurp",
  "petalbot",
  "bytespider",
  "gptbot",
  "chatgpt-user",
  "oai-searchbot",
  "claudebot",
  "claude-web",
  "perplexitybot",
  "ccbot",
  "semrushbot",
  "ahrefsbot",
  "mj12bot",
  "dotbot",
  "curl/",
  "wget/",
  "python-requests",
  "python-urllib",
  "python-httpx",
  "aiohttp",
  "go-http-client",
  "okhttp",
  "java/",
  "apache-httpclient",
  "libwww-perl",
  "axios/",
  "node-fetch",
  "undici",
  "postmanruntime",
  "insomnia",
  "headlesschrome",
  "phantomjs",
  "puppeteer",
  "playwright",
  "lighthouse",
  "pingdom",
  "uptimerobot",
];

// Generic words; "cubot" is a phone brand whose model names end in "bot".
const GENERIC = /bot\b|crawl|spider|scraper|preview|monitor|\bhttp-?client\b/i;
const FALSE_GENERIC = /\bcubot\b/gi;

/**
 * True when the user agent is a crawler, a link-preview fetcher, an HTTP tool or a headless browser, or is missing:
 * such requests are kept as clicks but flagged, and not counted in click metrics.
 */
export function classifyUserAgentBot(userAgent: string | null | undefined): boolean {
  if (userAgent === null || userAgent === undefined) return true;
  const ua = userAgent.trim();
  if (ua.length === 0) return true;
  const lower = ua.toLowerCase();
  if (KNOWN_AGENTS.some((token) => lower.includes(token))) return true;
  return GENERIC.test(ua.replace(FALSE_GENERIC, ""));
}
