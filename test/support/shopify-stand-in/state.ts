// In-memory data of the stand-in, per shop. Shapes follow what the Admin GraphQL API returns for the fields the app
// selects; they are written here independently of app/shopify so that the stand-in checks the app, not mirrors it.

export interface StandInMoney {
  amount: string;
  currencyCode: string;
}

export interface StandInMoneyBag {
  shopMoney: StandInMoney;
  presentmentMoney: StandInMoney;
}

export interface StandInUtmParameters {
  source: string | null;
  medium: string | null;
  campaign: string | null;
  content: string | null;
  term: string | null;
}

export interface StandInVisit {
  landingPage: string | null;
  referrerUrl: string | null;
  occurredAt: string;
  utmParameters: StandInUtmParameters | null;
}

export interface StandInLineItem {
  id: string;
  quantity: number;
  originalTotalSet: StandInMoneyBag;
  /** The variant sold; absent or null for a custom item. */
  variant?: { id: string } | null;
}

/** A product variant and its inventory item's unit cost (what ListVariantCosts answers). */
export interface StandInVariant {
  /** gid://shopify/ProductVariant/<n> */
  id: string;
  /** gid://shopify/InventoryItem/<n> */
  inventoryItemId: string;
  /** Null when no cost is entered. */
  unitCost: StandInMoney | null;
  updatedAt: string;
}

export interface StandInRefund {
  id: string;
  createdAt: string;
  totalRefundedSet: StandInMoneyBag;
}

export interface StandInOrder {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  cancelledAt: string | null;
  test: boolean;
  currencyCode: string;
  presentmentCurrencyCode: string;
  sourceName: string | null;
  customer: { id: string } | null;
  discountCodes: string[];
  subtotalPriceSet: StandInMoneyBag | null;
  totalDiscountsSet: StandInMoneyBag | null;
  totalShippingPriceSet: StandInMoneyBag;
  totalTaxSet: StandInMoneyBag | null;
  totalRefundedSet: StandInMoneyBag;
  refunds: StandInRefund[];
  customerJourneySummary: { ready: boolean; firstVisit: StandInVisit | null; lastVisit: StandInVisit | null } | null;
  /** Served as child rows of the bulk export; not part of the orders connection's answer. */
  lineItems: StandInLineItem[];
}

export type StandInDiscountStatus = "ACTIVE" | "EXPIRED" | "SCHEDULED";

export interface StandInDiscount {
  /** gid://shopify/DiscountCodeNode/<n> */
  id: string;
  title: string;
  code: string;
  status: StandInDiscountStatus;
  startsAt: string;
  endsAt: string | null;
  /** The DiscountCodeBasicInput exactly as the app sent it, for assertions. */
  input: Record<string, unknown>;
}

export interface StandInShopInfo {
  name: string;
  myshopifyDomain: string;
  primaryDomainHost: string;
  primaryDomainUrl: string;
  currencyCode: string;
  ianaTimezone: string;
}

export type StandInBulkStatus = "CREATED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELED" | "EXPIRED";

export interface StandInBulkOperation {
  /** gid://shopify/BulkOperation/<n> */
  id: string;
  shop: string;
  status: StandInBulkStatus;
  errorCode: string | null;
  createdAt: string;
  completedAt: string | null;
  /** Polls answered so far; the operation advances CREATED → RUNNING → COMPLETED with them. */
  polls: number;
  /** Whether the mutation asked for groupObjects: true (children right after their parent). */
  groupObjects: boolean;
  /** The bulk query the app sent. */
  query: string;
  /** Orders the export will contain, fixed when it started (as Shopify reads a snapshot). */
  orders: StandInOrder[];
  /** Names the result file in its URL. */
  resultToken: string;
  /** A FAILED operation offers the first half of its rows at partialDataUrl. */
  partialData: boolean;
}

export class StandInShop {
  info: StandInShopInfo;
  readonly discounts = new Map<string, StandInDiscount>();
  orders: StandInOrder[] = [];
  /** Product variants in id order, as productVariants lists them. */
  variants: StandInVariant[] = [];
  readonly bulkOperations = new Map<string, StandInBulkOperation>();

  constructor(readonly domain: string) {
    const handle = domain.replace(/\.myshopify\.com$/, "");
    this.info = {
      name: handle,
      myshopifyDomain: domain,
      primaryDomainHost: domain,
      primaryDomainUrl: `https://${domain}`,
      currencyCode: "USD",
      ianaTimezone: "America/New_York",
    };
  }

  /** The discount using `code`, compared case-insensitively as Shopify does. */
  discountByCode(code: string): StandInDiscount | undefined {
    const wanted = code.trim().toLowerCase();
    for (const discount of this.discounts.values()) if (discount.code.toLowerCase() === wanted) return discount;
    return undefined;
  }
}

export interface SeedShopInput {
  name?: string;
  currencyCode?: string;
  ianaTimezone?: string;
  primaryDomainHost?: string;
  primaryDomainUrl?: string;
}

export interface SeedDiscountInput {
  code: string;
  title?: string;
  status?: StandInDiscountStatus;
  startsAt?: string;
  endsAt?: string | null;
}

/** All shops of one stand-in, plus the id counters (global, like Shopify's ids). */
export class StandInState {
  readonly shops = new Map<string, StandInShop>();
  private nextDiscount = 1_000_000_001;
  private nextBulk = 5_000_000_001;

  /** The shop's data, created empty on first use. */
  shop(domain: string): StandInShop {
    let shop = this.shops.get(domain);
    if (!shop) {
      shop = new StandInShop(domain);
      this.shops.set(domain, shop);
    }
    return shop;
  }

  /** Set what GetShopInfo answers for this shop. */
  seedShop(domain: string, input: SeedShopInput): StandInShopInfo {
    const shop = this.shop(domain);
    const host = input.primaryDomainHost ?? shop.info.primaryDomainHost;
    shop.info = {
      ...shop.info,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.currencyCode !== undefined ? { currencyCode: input.currencyCode } : {}),
      ...(input.ianaTimezone !== undefined ? { ianaTimezone: input.ianaTimezone } : {}),
      primaryDomainHost: host,
      primaryDomainUrl: input.primaryDomainUrl ?? `https://${host}`,
    };
    return shop.info;
  }

  /** Add orders (for reconciliation and bulk export); ids must be unique per shop. */
  seedOrders(domain: string, orders: readonly StandInOrder[]): void {
    const shop = this.shop(domain);
    const known = new Set(shop.orders.map((o) => o.id));
    for (const order of orders) {
      if (known.has(order.id)) throw new Error(`Stand-in: order ${order.id} is already seeded for ${domain}`);
      known.add(order.id);
      shop.orders.push(structuredClone(order));
    }
  }

  /** Add or replace product variants (by id) with their unit costs. */
  seedVariants(domain: string, variants: readonly StandInVariant[]): void {
    const shop = this.shop(domain);
    for (const variant of variants) {
      const index = shop.variants.findIndex((v) => v.id === variant.id);
      if (index === -1) shop.variants.push(structuredClone(variant));
      else shop.variants[index] = structuredClone(variant);
    }
    const numeric = (id: string) => BigInt(id.slice(id.lastIndexOf("/") + 1));
    shop.variants.sort((a, b) => (numeric(a.id) < numeric(b.id) ? -1 : numeric(a.id) > numeric(b.id) ? 1 : 0));
  }

  /** Replace an order (e.g. to simulate an update Shopify made and a webhook that never arrived). */
  updateOrder(domain: string, order: StandInOrder): void {
    const shop = this.shop(domain);
    const index = shop.orders.findIndex((o) => o.id === order.id);
    if (index === -1) throw new Error(`Stand-in: no order ${order.id} in ${domain}`);
    shop.orders[index] = structuredClone(order);
  }

  /** Put a discount in the shop as if created elsewhere (the admin, another app). */
  seedDiscount(domain: string, input: SeedDiscountInput): StandInDiscount {
    const discount: StandInDiscount = {
      id: this.newDiscountId(),
      title: input.title ?? input.code,
      code: input.code,
      status: input.status ?? "ACTIVE",
      startsAt: input.startsAt ?? "2026-01-01T00:00:00Z",
      endsAt: input.endsAt ?? null,
      input: {},
    };
    this.shop(domain).discounts.set(discount.id, discount);
    return discount;
  }

  newDiscountId(): string {
    return `gid://shopify/DiscountCodeNode/${this.nextDiscount++}`;
  }

  newBulkOperationId(): string {
    return `gid://shopify/BulkOperation/${this.nextBulk++}`;
  }

  /** Find a bulk operation in any shop (result URLs carry no shop). */
  bulkOperationByToken(token: string): StandInBulkOperation | undefined {
    for (const shop of this.shops.values()) {
      for (const operation of shop.bulkOperations.values()) if (operation.resultToken === token) return operation;
    }
    return undefined;
  }

  reset(): void {
    this.shops.clear();
    this.nextDiscount = 1_000_000_001;
    this.nextBulk = 5_000_000_001;
  }
}
