import { describe, expect, test } from "vitest";
import { isRedirectToShop } from "./is-redirect-to-shop";

const shop = "emma-store.myshopify.com";

describe("isRedirectToShop", () => {
  test.each([
    ["a discount URL with a safe redirect", `https://${shop}/discount/EMMA15?redirect=%2Fcollections%2Fsummer`],
    ["a URL without redirect", `https://${shop}/products/x`],
    ["the shop root", `https://${shop}/`],
    ["host in upper case is the same host", `https://EMMA-STORE.myshopify.com/discount/EMMA15`],
    ["explicit default port 443 is dropped by the URL standard", `https://${shop}:443/discount/EMMA15`],
    ["redirect with UTMs", `https://${shop}/discount/X?redirect=%2F%3Futm_source%3Dig%26utm_content%3Demma`],
  ])("accepts %s", (_label, url) => {
    expect(isRedirectToShop(url, shop)).toBe(true);
  });

  test.each([
    ["plain http", `http://${shop}/discount/EMMA15`],
    ["another host", "https://evil.com/discount/EMMA15"],
    ["a look-alike subdomain", `https://${shop}.evil.com/`],
    ["the shop as a subdomain of another host", `https://evil.${shop}/`],
    ["userinfo trick", `https://${shop}@evil.com/`],
    ["shop as userinfo", `https://user:pass@${shop}/`],
    ["non-default port", `https://${shop}:8443/`],
    ["trailing-dot host", `https://${shop}./`],
    ["protocol-relative redirect", `https://${shop}/discount/X?redirect=%2F%2Fevil.com`],
    ["absolute redirect", `https://${shop}/discount/X?redirect=https%3A%2F%2Fevil.com`],
    ["javascript redirect", `https://${shop}/discount/X?redirect=javascript%3Aalert(1)`],
    ["double-encoded // redirect", `https://${shop}/discount/X?redirect=%2F%252F%252Fevil.com`],
    ["backslash redirect", `https://${shop}/discount/X?redirect=%2F%5Cevil.com`],
    ["CRLF in redirect", `https://${shop}/discount/X?redirect=%2F%0D%0ALocation%3A%20evil`],
    ["two redirect parameters", `https://${shop}/discount/X?redirect=%2F&redirect=%2F%2Fevil.com`],
    ["empty redirect", `https://${shop}/discount/X?redirect=`],
    ["a tab the URL parser would remove", `https://${shop}/disc\tount/X`],
    ["backslashes the URL parser would turn into slashes", `https:\\\\${shop}\\discount`],
    ["a space before the URL", ` https://${shop}/`],
    ["javascript URL", "javascript:alert(1)"],
    ["relative URL", "/discount/EMMA15"],
    ["not a URL", "not a url"],
    ["invalid shop domain", `https://${shop}/`, "https://shop"],
  ])("refuses %s", (_label, url, domain = shop) => {
    expect(isRedirectToShop(url, domain)).toBe(false);
  });
});
