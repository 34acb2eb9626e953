import { describe, expect, test } from "vitest";
import { InvalidShopDomainError } from "./errors";
import { isValidShopDomain, normalizeShopDomain } from "./shop-domain";

describe("normalizeShopDomain", () => {
  test.each([
    ["myshopify domain", "emma-store.myshopify.com", "emma-store.myshopify.com"],
    ["custom domain", "shop.example.fr", "shop.example.fr"],
    ["upper case is lowered", "Shop.Example.COM", "shop.example.com"],
    ["apex custom domain", "example.com", "example.com"],
    ["punycode domain", "xn--caf-dma.fr", "xn--caf-dma.fr"],
    ["punycode TLD", "shop.xn--p1ai", "shop.xn--p1ai"],
    ["digits in labels", "shop1.example.co.uk", "shop1.example.co.uk"],
  ])("%s", (_label, domain, expected) => {
    expect(normalizeShopDomain(domain)).toBe(expected);
    expect(isValidShopDomain(domain)).toBe(true);
  });

  test.each([
    ["empty", ""],
    ["scheme", "https://shop.example.com"],
    ["port", "shop.example.com:443"],
    ["userinfo", "user@shop.example.com"],
    ["path", "shop.example.com/admin"],
    ["trailing dot", "shop.example.com."],
    ["single label", "localhost"],
    ["IPv4 address", "127.0.0.1"],
    ["IPv6 address", "[::1]"],
    ["underscore", "my_shop.example.com"],
    ["label starting with a hyphen", "-shop.example.com"],
    ["label ending with a hyphen", "shop-.example.com"],
    ["empty label", "shop..example.com"],
    ["space", "shop .example.com"],
    ["unicode domain", "café.fr"],
    ["label of 64 characters", `${"a".repeat(64)}.com`],
    ["numeric TLD", "shop.123"],
    ["backslash", "shop.example.com\\evil.com"],
  ])("refuses %s", (_label, domain) => {
    expect(() => normalizeShopDomain(domain)).toThrow(InvalidShopDomainError);
    expect(isValidShopDomain(domain)).toBe(false);
  });
});
