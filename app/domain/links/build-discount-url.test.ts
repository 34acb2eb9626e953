import { describe, expect, test } from "vitest";
import { buildDiscountUrl } from "./build-discount-url";
import type { UtmSet } from "./build-utm";
import { InvalidLinkCodeError, InvalidShopDomainError, UnsafeDestinationError } from "./errors";
import { isRedirectToShop } from "./is-redirect-to-shop";

const utm: UtmSet = { utm_source: "instagram", utm_medium: "influencer", utm_campaign: "summer-24", utm_content: "emma" };

describe("buildDiscountUrl", () => {
  test.each([
    [
      "code, path and UTMs",
      { shopDomain: "emma-store.myshopify.com", code: "EMMA15", redirectPath: "/collections/summer", utm },
      "https://emma-store.myshopify.com/discount/EMMA15?redirect=%2Fcollections%2Fsummer%3Futm_source%3Dinstagram%26utm_medium%3Dinfluencer%26utm_campaign%3Dsummer-24%26utm_content%3Demma",
    ],
    [
      "a path with its own query keeps it before the UTMs",
      { shopDomain: "shop.example.fr", code: "ZOE10", redirectPath: "/collections/summer?sort=price", utm },
      "https://shop.example.fr/discount/ZOE10?redirect=%2Fcollections%2Fsummer%3Fsort%3Dprice%26utm_source%3Dinstagram%26utm_medium%3Dinfluencer%26utm_campaign%3Dsummer-24%26utm_content%3Demma",
    ],
    [
      "without UTMs",
      { shopDomain: "Shop.Example.fr", code: "ZOE10", redirectPath: "/", utm: null },
      "https://shop.example.fr/discount/ZOE10?redirect=%2F",
    ],
    [
      "a code from Shopify with characters to encode",
      { shopDomain: "shop.example.fr", code: "SUMMER SALE/50%", redirectPath: "/", utm: null },
      "https://shop.example.fr/discount/SUMMER%20SALE%2F50%25?redirect=%2F",
    ],
    [
      "the destination is canonicalised first",
      { shopDomain: "shop.example.fr", code: "ZOE10", redirectPath: " /products/thé ", utm: null },
      "https://shop.example.fr/discount/ZOE10?redirect=%2Fproducts%2Fth%25C3%25A9",
    ],
  ])("%s", (_label, input, expected) => {
    const url = buildDiscountUrl(input);
    expect(url).toBe(expected);
    expect(isRedirectToShop(url, input.shopDomain)).toBe(true);
  });

  test("the redirect parameter decodes back to the path with UTMs", () => {
    const url = new URL(buildDiscountUrl({ shopDomain: "s.myshopify.com", code: "EMMA15", redirectPath: "/products/x?v=1", utm }));
    expect(url.pathname).toBe("/discount/EMMA15");
    expect(url.searchParams.get("redirect")).toBe(
      "/products/x?v=1&utm_source=instagram&utm_medium=influencer&utm_campaign=summer-24&utm_content=emma",
    );
  });

  test.each([
    ["protocol-relative destination", { redirectPath: "//evil.com" }, UnsafeDestinationError],
    ["javascript destination", { redirectPath: "javascript:alert(1)" }, UnsafeDestinationError],
    ["encoded // destination", { redirectPath: "/%2F%2Fevil.com" }, UnsafeDestinationError],
    ["shop domain with a port", { shopDomain: "shop.example.fr:8443" }, InvalidShopDomainError],
    ["shop domain with userinfo", { shopDomain: "evil.com@shop.example.fr" }, InvalidShopDomainError],
    ["shop domain as a URL", { shopDomain: "https://shop.example.fr" }, InvalidShopDomainError],
    ["empty code", { code: "" }, InvalidLinkCodeError],
    ["code with a newline", { code: "EMMA\n15" }, InvalidLinkCodeError],
    ["code with spaces around", { code: " EMMA15" }, InvalidLinkCodeError],
    ["code over Shopify's 255", { code: "A".repeat(256) }, InvalidLinkCodeError],
  ])("refuses %s", (_label, change, errorClass) => {
    const input = { shopDomain: "shop.example.fr", code: "EMMA15", redirectPath: "/", utm, ...change };
    expect(() => buildDiscountUrl(input)).toThrow(errorClass);
  });

  test("the unsafe-destination error names the rule", () => {
    expect(() => buildDiscountUrl({ shopDomain: "shop.example.fr", code: "EMMA15", redirectPath: "/\\evil.com", utm })).toThrow(
      expect.objectContaining({ reason: "backslash" }),
    );
  });
});
