// Shared set-up of the Shopify seam tests: one stand-in per test file, an AdminApi whose waits are recorded
// instead of slept, so throttling tests assert the computed waits without taking them.
import { adminApiFromEndpoint, type AdminApi, type AdminApiRetryOptions } from "~/shopify/admin-api.server";

import { startShopifyStandIn, type ShopifyStandIn, type ShopifyStandInOptions } from "../../support/shopify-stand-in";

export const SHOP = "creator-roi-test.myshopify.com";

export interface RecordingApi {
  api: AdminApi;
  /** Every wait the client asked for, in order (retries and bucket refills). */
  sleeps: number[];
}

/** An AdminApi on the stand-in for `shop` that records its waits and never actually sleeps; jitter is off. */
export function recordingApi(standIn: ShopifyStandIn, shop = SHOP, options: AdminApiRetryOptions & { requestTimeoutMs?: number } = {}): RecordingApi {
  const sleeps: number[] = [];
  const api = adminApiFromEndpoint({
    shopDomain: shop,
    accessToken: standIn.accessTokenFor(shop),
    endpoint: standIn.endpointFor(shop),
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0,
    ...options,
  });
  return { api, sleeps };
}

export async function startStandIn(options: ShopifyStandInOptions = {}): Promise<ShopifyStandIn> {
  return startShopifyStandIn({ port: 0, host: "127.0.0.1", now: () => new Date("2026-03-01T12:00:00Z"), ...options });
}

/** Operation names of the requests the stand-in received, in order. */
export function operationsSeen(standIn: ShopifyStandIn): string[] {
  return standIn.requests.map((r) => r.operationName);
}
