import { ShopifyInputError } from "./shopify-errors.server";

/** A Shopify global id of the given type ("gid://shopify/DiscountCodeNode/123"); anything else is refused before any request. */
export function assertShopifyGid(id: string, type: string): string {
  const pattern = new RegExp(`^gid://shopify/${type}/\\d+$`);
  if (!pattern.test(id)) throw new ShopifyInputError(`Expected a gid://shopify/${type}/<number> id, got "${id}"`);
  return id;
}
