import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { ShopifyPayloadError } from "./errors";
import { extractRawOrderIdFromRefundBody, orderGidFromRefundBody } from "./extract-raw-order-id";

const SAMPLE_TEXT = readFileSync(
  path.resolve(__dirname, "../../../../shared/fixtures/shopify/refunds-create.sample.2026-07.json"),
  "utf8",
);

describe("extractRawOrderIdFromRefundBody", () => {
  test("Shopify's sample: the exact 18 digits that JSON.parse would round", () => {
    expect(extractRawOrderIdFromRefundBody(SAMPLE_TEXT)).toBe("820982911946154508");
    expect(orderGidFromRefundBody(SAMPLE_TEXT)).toBe("gid://shopify/Order/820982911946154508");
  });

  test.each([
    ["a compact body", '{"id":1,"order_id":820982911946154508,"refund_line_items":[]}', "820982911946154508"],
    ["spaces around the colon", '{"order_id" :  450789469 }', "450789469"],
    ["order_id after nested objects", '{"transactions":[],"note":null,"order_id":12}', "12"],
    ["the same id repeated in transactions and adjustments", '{"order_id":77,"transactions":[{"order_id":77}],"order_adjustments":[{"order_id":77}]}', "77"],
    ["an id sent as a string", '{"order_id":"9007199254740993"}', "9007199254740993"],
    ["a quoted order_id inside the note is ignored", '{"note":"see \\"order_id\\": 5","order_id":6}', "6"],
    ["line_item_id keys are not order ids", '{"order_id":8,"refund_line_items":[{"line_item_id":9}]}', "8"],
  ])("%s", (_label, body, expected) => {
    expect(extractRawOrderIdFromRefundBody(body)).toBe(expected);
  });

  test.each([
    ["no order_id at all", '{"id":1}'],
    ["a null order_id", '{"order_id":null}'],
    ["a float order_id", '{"order_id":1.5}'],
    ["an exponent order_id", '{"order_id":8.2e17}'],
    ["two different orders", '{"order_id":1,"transactions":[{"order_id":2}]}'],
    ["an empty body", ""],
  ])("rejects %s", (_label, body) => {
    expect(() => extractRawOrderIdFromRefundBody(body)).toThrow(ShopifyPayloadError);
  });
});
