import { describe, expect, test } from "vitest";
import { classifyUserAgentBot } from "./classify-user-agent-bot";

describe("classifyUserAgentBot", () => {
  test.each([
    ["missing user agent", null],
    ["undefined user agent", undefined],
    ["empty user agent", ""],
    ["blank user agent", "   "],
    ["Facebook link preview", "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"],
    ["Meta crawler", "meta-externalagent/1.1 (+https://developers.facebook.com/docs/sharing/webmasters/crawler)"],
    ["Twitter card fetcher", "Twitterbot/1.0"],
    ["Slack unfurl", "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"],
    ["Slack image proxy", "Slack-ImgProxy (+https://api.slack.com/robots)"],
    ["WhatsApp preview", "WhatsApp/2.23.20.0 A"],
    ["Telegram preview", "TelegramBot (like TwitterBot)"],
    ["Discord embed", "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)"],
    ["LinkedIn preview", "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)"],
    ["Pinterest", "Pinterestbot/1.0 (+http://www.pinterest.com/bot.html)"],
    ["Snapchat preview", "Snap URL Preview Service; bot; snapchat; https://developers.snap.com/robots"],
    ["iMessage/Skype preview", "Mozilla/5.0 (Windows NT 6.1; WOW64) SkypeUriPreview Preview/0.5"],
    ["Googlebot", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"],
    ["Google ads checker", "AdsBot-Google (+http://www.google.com/adsbot.html)"],
    ["Bing", "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"],
    ["Applebot", "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.1 Safari/605.1.15 (Applebot/0.1)"],
    ["GPTBot", "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; GPTBot/1.2; +https://openai.com/gptbot)"],
    ["ClaudeBot", "Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko; compatible; ClaudeBot/1.0; +claudebot@anthropic.com)"],
    ["TikTok's crawler", "Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)"],
    ["Ahrefs", "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)"],
    ["curl", "curl/8.4.0"],
    ["wget", "Wget/1.21.4"],
    ["python-requests", "python-requests/2.31.0"],
    ["Python urllib", "Python-urllib/3.11"],
    ["Go client", "Go-http-client/1.1"],
    ["Java", "Java/17.0.2"],
    ["axios", "axios/1.6.2"],
    ["node-fetch", "node-fetch/1.0 (+https://github.com/bitinn/node-fetch)"],
    ["Postman", "PostmanRuntime/7.36.0"],
    ["headless Chrome", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36"],
    ["Lighthouse", "Mozilla/5.0 (Linux; Android 7.0; Moto G (4)) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 Chrome-Lighthouse"],
    ["an unknown bot", "AcmeBot/1.0"],
    ["an unknown crawler", "Mozilla/5.0 (compatible; SomeCrawler/2.0)"],
  ])("bot: %s", (_label, ua) => {
    expect(classifyUserAgentBot(ua)).toBe(true);
  });

  test.each([
    ["Chrome on Windows", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36"],
    ["Safari on iPhone", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"],
    ["Firefox on Linux", "Mozilla/5.0 (X11; Linux x86_64; rv:121.0) Gecko/20100101 Firefox/121.0"],
    ["Instagram in-app browser", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Instagram 307.0.0.34.111 (iPhone14,5; iOS 17_1; en_US; en; scale=3.00; 1170x2532; 532277174)"],
    ["TikTok in-app browser", "Mozilla/5.0 (Linux; Android 13; SM-G991B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/119.0.6045.193 Mobile Safari/537.36 trill_320403 BytedanceWebview/d8a21c6 musical_ly_32.4.3"],
    ["Facebook in-app browser", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/442.0.0.38.110;FBBV/540563480]"],
    ["Snapchat in-app browser", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Snapchat/12.60.0.43 (like Safari/8617.1.17.10.9, panda)"],
    ["Pinterest app", "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [Pinterest/iOS]"],
    ["a Cubot phone (brand ends in 'bot')", "Mozilla/5.0 (Linux; Android 9; CUBOT X19) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0 Mobile Safari/537.36"],
    ["Edge", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0"],
    ["Samsung Internet", "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36"],
  ])("person: %s", (_label, ua) => {
    expect(classifyUserAgentBot(ua)).toBe(false);
  });
});
