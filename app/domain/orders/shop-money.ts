import { parseDecimalToMinor } from "~/domain/money";
import { ShopifyPayloadError } from "./errors";
import type { ShopifyMoneySet } from "./shopify-payload-schemas";

/** Reads a MoneyBag's shop_money in minor units, refusing an amount in another currency than the shop's. */
export function shopMoneyMinor(set: ShopifyMoneySet, shopCurrency: string, path: readonly (string | number)[]): number {
  const { amount, currency_code: currency } = set.shop_money;
  if (currency !== shopCurrency) {
    throw new ShopifyPayloadError(`shop_money is in ${currency}, expected the shop currency ${shopCurrency}`, path);
  }
  try {
    return parseDecimalToMinor(amount, currency);
  } catch (error) {
    throw new ShopifyPayloadError((error as Error).message, path);
  }
}

/** Sums shop_money amounts of several MoneyBags in minor units. */
export function sumShopMoneyMinor(
  sets: readonly { set: ShopifyMoneySet; path: readonly (string | number)[] }[],
  shopCurrency: string,
): number {
  return sets.reduce((total, { set, path }) => total + shopMoneyMinor(set, shopCurrency, path), 0);
}
