import type { AdminApi } from "./admin-api.server";
import { requireObject, requireString } from "./read-payload.server";

export const GET_SHOP_INFO = `#graphql
  query GetShopInfo {
    shop {
      name
      myshopifyDomain
      primaryDomain {
        host
        url
      }
      currencyCode
      ianaTimezone
    }
  }
`;

export interface ShopInfo {
  name: string;
  /** e.g. "creator-roi-demo.myshopify.com": the key of every per-shop row. */
  myshopifyDomain: string;
  /** The storefront's public host ("shop.example.com"), where shareable discount links point. */
  primaryDomainHost: string;
  primaryDomainUrl: string;
  /** The shop currency: every amount the app stores is in it. */
  currencyCode: string;
  /** IANA zone ("Europe/Paris") that day buckets are cut in. */
  ianaTimezone: string;
}

/** Read the shop facts the app keys money and day buckets on. */
export async function getShopInfo(api: AdminApi): Promise<ShopInfo> {
  const operation = "GetShopInfo";
  const data = await api.request<unknown>(GET_SHOP_INFO);
  const shop = requireObject(data, "shop", operation);
  const primaryDomain = requireObject(shop, "primaryDomain", operation);
  return {
    name: requireString(shop, "name", operation),
    myshopifyDomain: requireString(shop, "myshopifyDomain", operation),
    primaryDomainHost: requireString(primaryDomain, "host", operation),
    primaryDomainUrl: requireString(primaryDomain, "url", operation),
    currencyCode: requireString(shop, "currencyCode", operation),
    ianaTimezone: requireString(shop, "ianaTimezone", operation),
  };
}
