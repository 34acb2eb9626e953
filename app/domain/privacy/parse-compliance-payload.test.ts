import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import {
  CompliancePayloadError,
  parseCustomersDataRequest,
  parseCustomersRedact,
  parseShopRedact,
} from "./parse-compliance-payload";

const FIXTURES = path.resolve(__dirname, "../../../../shared/fixtures/shopify");
/** Shopify's sample with its {shop} placeholder filled in. */
function fixture(name: string, shop = "anna-store"): string {
  return readFileSync(path.join(FIXTURES, name), "utf8").replaceAll("{shop}", shop);
}

describe("Shopify's compliance samples", () => {
  test("customers/redact: the customer and the orders to unlink, as GIDs", () => {
    expect(parseCustomersRedact(fixture("customers-redact.sample.json"))).toEqual({
      shopDomain: "anna-store.myshopify.com",
      customerId: "gid://shopify/Customer/191167",
      orderIds: ["gid://shopify/Order/299938", "gid://shopify/Order/280263", "gid://shopify/Order/220458"],
    });
  });

  test("customers/data_request: the customer, the orders asked about and the request id", () => {
    expect(parseCustomersDataRequest(fixture("customers-data_request.sample.json"))).toEqual({
      shopDomain: "anna-store.myshopify.com",
      customerId: "gid://shopify/Customer/191167",
      orderIds: ["gid://shopify/Order/299938", "gid://shopify/Order/280263", "gid://shopify/Order/220458"],
      dataRequestId: "9999",
    });
  });

  test("shop/redact: the shop", () => {
    expect(parseShopRedact(fixture("shop-redact.sample.json", "Anna-Store"))).toEqual({ shopDomain: "anna-store.myshopify.com" });
  });

  test("the email and phone of the payload are not carried over", () => {
    const text = JSON.stringify([
      parseCustomersRedact(fixture("customers-redact.sample.json")),
      parseCustomersDataRequest(fixture("customers-data_request.sample.json")),
    ]);
    expect(text).not.toContain("john@example.com");
    expect(text).not.toContain("555-625-1199");
  });
});

describe("ids beyond 2^53 keep their exact digits", () => {
  const body = JSON.stringify({ shop_domain: "s.myshopify.com", customer: { id: 0 }, orders_to_redact: [0, 0] })
    .replace('"id":0', '"id":115310627314723954')
    .replace("[0,0]", "[820982911946154508, 820982911946154508, 9007199254740993]");

  test.each([
    ["the customer id", parseCustomersRedact(body).customerId, "gid://shopify/Customer/115310627314723954"],
    [
      "the order ids (duplicates once)",
      parseCustomersRedact(body).orderIds.join(" "),
      "gid://shopify/Order/820982911946154508 gid://shopify/Order/9007199254740993",
    ],
  ])("%s", (_label, actual, expected) => {
    expect(actual).toBe(expected);
  });
});

describe("malformed bodies are refused with a clear error", () => {
  const redact = (body: unknown) => () => parseCustomersRedact(JSON.stringify(body));
  test.each<[string, () => unknown, RegExp]>([
    ["not JSON", () => parseShopRedact("{shop_domain:"), /not JSON/],
    ["no shop domain", () => parseShopRedact("{}"), /shop_domain/],
    ["a domain that is not a myshopify.com one", () => parseShopRedact('{"shop_domain":"evil.example"}'), /myshopify/],
    ["the sample's unfilled {shop} placeholder", () => parseShopRedact(readFileSync(path.join(FIXTURES, "shop-redact.sample.json"), "utf8")), /myshopify/],
    ["no customer", redact({ shop_domain: "s.myshopify.com" }), /customer/],
    ["a customer id that is a string of letters", redact({ shop_domain: "s.myshopify.com", customer: { id: "abc" } }), /customer\.id/],
    ["a negative customer id", redact({ shop_domain: "s.myshopify.com", customer: { id: -5 } }), /customer\.id/],
    ["a fractional order id", redact({ shop_domain: "s.myshopify.com", customer: { id: 1 }, orders_to_redact: [1.5] }), /orders_to_redact\.0/],
    [
      "a data request without its id",
      () => parseCustomersDataRequest(JSON.stringify({ shop_domain: "s.myshopify.com", customer: { id: 1 }, data_request: {} })),
      /data_request\.id/,
    ],
  ])("%s", (_label, run, message) => {
    expect(run).toThrow(CompliancePayloadError);
    expect(run).toThrow(message);
  });

  test("customers/redact without orders_to_redact has none", () => {
    expect(parseCustomersRedact('{"shop_domain":"s.myshopify.com","customer":{"id":7}}').orderIds).toEqual([]);
  });
});
