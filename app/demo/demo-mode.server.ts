// The demo's entry seam. It is switched on only in-process, by the demo server (scripts/demo.ts)
// calling enableDemoMode() on the built server module: no environment variable, header or request
// can turn it on, so a production server (remix-serve, or the Shopify CLI) never serves demo data.

export const DEMO_SHOP = "creator-roi-demo.myshopify.com";

export type DemoConfig = {
  /** Admin GraphQL endpoint of the local Shopify stand-in. */
  adminEndpoint: string;
  accessToken: string;
};

let demo: DemoConfig | null = null;

export class DemoRefusedError extends Error {
  name = "DemoRefusedError";
}

/** Real Shopify credentials and demo mode never meet: a real key would make the seam serve a real shop. */
export function assertNoRealShopifyCredentials(source: Record<string, string | undefined>): void {
  const real = ["SHOPIFY_API_KEY", "SHOPIFY_API_SECRET", "SHOPIFY_CLI_PARTNERS_TOKEN"].filter((name) => {
    const value = source[name];
    return value !== undefined && value !== "" && !value.startsWith("demo-");
  });
  if (real.length > 0) {
    throw new DemoRefusedError(
      `The demo refuses to start while real Shopify credentials are configured (${real.join(", ")}). ` +
        "Unset them, or run the app against your store with `shopify app dev`.",
    );
  }
}

/** Called by the demo server only, once, before it accepts a request. */
export function enableDemoMode(config: DemoConfig): void {
  assertNoRealShopifyCredentials(process.env);
  const endpoint = new URL(config.adminEndpoint);
  if (!["127.0.0.1", "localhost", "[::1]"].includes(endpoint.hostname)) {
    throw new DemoRefusedError("The demo's Admin API must be the local stand-in on loopback");
  }
  demo = config;
}

export function getDemoConfig(): DemoConfig | null {
  return demo;
}
