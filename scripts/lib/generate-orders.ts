// A realistic, seeded, deterministic stream of Shopify order webhooks for a shop working with creators: creators of
// every tier whose audiences convert at different rates, codes used (or a creator's link followed without one),
// UTM journeys on landing_site, repeat buyers, refunds, cancellations, test orders, several presentment currencies
// (shop money always in the shop's currency), and a store baseline of sales that no creator brought. Bodies are
// shaped like Shopify's published samples (orders/create, orders/updated, orders/cancelled, refunds/create), with
// numeric ids beyond 2^53 written exactly in the text, as Shopify does.
//
// The generator also computes the totals the app must arrive at, from its own knowledge of each order (not with the
// app's code), under the default model (a creator's code beats a creator's UTM; nothing else credits):
// used by the ingestion tests, the benchmark and the demo.

export type Tier = "nano" | "micro" | "mid" | "macro" | "mega";

/** A creator as the generator needs it; `key` is the id the caller stores the creator under. */
export type CreatorSpec = {
  key: string;
  handle: string;
  tier: Tier;
  followers: number;
  platform: "instagram" | "tiktok" | "youtube";
  /** Share of the creator's visitors who buy: audiences convert differently by tier. */
  conversion: number;
  campaignKey: string;
  campaignSlug: string;
  /** The creator's discount code (as staff created it). */
  code: string;
  link: { slug: string; utmSource: string; utmMedium: string; utmCampaign: string; utmContent: string };
};

export type CampaignSpec = { key: string; slug: string; name: string };

export type GeneratedEvent = {
  topic: "orders/create" | "orders/updated" | "orders/cancelled" | "refunds/create";
  /** X-Shopify-Webhook-Id: unique per event; a duplicate delivery repeats it. */
  webhookId: string;
  eventId: string;
  /** The raw body, exactly as signed. */
  body: string;
  /** When Shopify would send it (ISO UTC); events are listed in this order. */
  at: string;
  orderGid: string;
};

export type Totals = {
  orders: number;
  codeOrders: number;
  linkOrders: number;
  newCustomers: number;
  grossMinor: number;
  discountsMinor: number;
  refundsMinor: number;
  netMinor: number;
  repeatOrders: number;
  repeatNetMinor: number;
};

export type ExpectedTotals = {
  /** Every counted order of the shop. */
  shop: Totals;
  /** Orders no creator is credited with (the store baseline). */
  baseline: Totals;
  /** Per creator key. */
  byCreator: Record<string, Totals>;
  /** Orders stored (not test) and ignored (test) */
  storedOrders: number;
  testOrders: number;
  cancelledOrders: number;
  refunds: number;
  customers: number;
};

export type GeneratedStream = {
  shop: string;
  currency: string;
  timeZone: string;
  creators: CreatorSpec[];
  campaigns: CampaignSpec[];
  events: GeneratedEvent[];
  expected: ExpectedTotals;
};

export type GenerateOptions = {
  seed: number;
  shop: string;
  /** Number of orders created (each yields 1–4 events). */
  orders: number;
  /** Shop currency; default USD. */
  currency?: string;
  /** Shop time zone; default America/New_York. */
  timeZone?: string;
  /** First day of sales (UTC midnight), default 2026-09-01. */
  start?: string;
  /** Days the sales spread over; default 60. */
  days?: number;
  /** Creators to use instead of the generated roster (their codes and links must exist in the shop). */
  creators?: CreatorSpec[];
  campaigns?: CampaignSpec[];
  /** Share of orders no creator brought; default 0.55. */
  baselineShare?: number;
};

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(private readonly next: () => number) {}
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }
  weighted<T>(items: readonly T[], weight: (item: T) => number): T {
    const total = items.reduce((sum, item) => sum + weight(item), 0);
    let r = this.next() * total;
    for (const item of items) {
      r -= weight(item);
      if (r <= 0) return item;
    }
    return items[items.length - 1] as T;
  }
  hex(n: number): string {
    let out = "";
    for (let i = 0; i < n; i++) out += Math.floor(this.next() * 16).toString(16);
    return out;
  }
  uuid(): string {
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-a${this.hex(3)}-${this.hex(12)}`;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Money and time

const EXPONENT: Record<string, number> = { USD: 2, EUR: 2, GBP: 2, CAD: 2, AUD: 2, JPY: 0, KWD: 3, CHF: 2 };
/** Units of the presentment currency per unit of USD (fixed for the stream). */
const PER_USD: Record<string, number> = { USD: 1, EUR: 0.92, GBP: 0.79, CAD: 1.36, AUD: 1.52, JPY: 149.5, KWD: 0.307, CHF: 0.88 };

function exponent(currency: string): number {
  const e = EXPONENT[currency];
  if (e === undefined) throw new Error(`The generator does not know ${currency}`);
  return e;
}

function decimal(minor: number, currency: string): string {
  const e = exponent(currency);
  const sign = minor < 0 ? "-" : "";
  const abs = Math.abs(minor);
  if (e === 0) return `${sign}${abs}.00`; // Shopify pads yen to .00
  const s = abs.toString().padStart(e + 1, "0");
  return `${sign}${s.slice(0, -e)}.${s.slice(-e)}`;
}

function convert(minor: number, from: string, to: string): number {
  if (from === to) return minor;
  const rate = (PER_USD[to] ?? 1) / (PER_USD[from] ?? 1);
  return Math.round(minor * rate * 10 ** (exponent(to) - exponent(from)));
}

type MoneySet = { shop_money: { amount: string; currency_code: string }; presentment_money: { amount: string; currency_code: string } };

/** Formats an instant the way Shopify does: local time of the shop with its offset. */
function shopTime(ms: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(ms));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  const local = Date.UTC(Number(get("year")), Number(get("month")) - 1, Number(get("day")), Number(get("hour")), Number(get("minute")), Number(get("second")));
  const offsetMin = Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000);
  const sign = offsetMin < 0 ? "-" : "+";
  const abs = Math.abs(offsetMin);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
  return `${get("year")}-${get("month")}-${get("day")}T${get("hour")}:${get("minute")}:${get("second")}${offset}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Roster

const TIERS: { tier: Tier; followers: [number, number]; conversion: number; weight: number }[] = [
  { tier: "nano", followers: [2_000, 9_000], conversion: 0.045, weight: 5 },
  { tier: "micro", followers: [12_000, 90_000], conversion: 0.03, weight: 4 },
  { tier: "mid", followers: [120_000, 450_000], conversion: 0.018, weight: 2 },
  { tier: "macro", followers: [550_000, 950_000], conversion: 0.01, weight: 1 },
  { tier: "mega", followers: [1_200_000, 4_000_000], conversion: 0.005, weight: 1 },
];
const FIRST = ["ava", "liam", "mila", "noah", "zoe", "ezra", "ines", "omar", "lena", "yuki", "sara", "theo", "nora", "ravi", "jade"];

/** The generated roster: creators of every tier across two campaigns. */
export function generateRoster(seed: number): { creators: CreatorSpec[]; campaigns: CampaignSpec[] } {
  const rng = new Rng(mulberry32(seed ^ 0x5eed));
  const campaigns: CampaignSpec[] = [
    { key: "gen-campaign-summer", slug: "summer-glow", name: "Summer glow" },
    { key: "gen-campaign-launch", slug: "serum-launch", name: "Serum launch" },
  ];
  const creators: CreatorSpec[] = [];
  let n = 0;
  for (const spec of TIERS) {
    for (let i = 0; i < spec.weight; i++) {
      n += 1;
      const handle = `${FIRST[(n - 1) % FIRST.length]}_${spec.tier}${i + 1}`;
      const campaign = campaigns[n % campaigns.length]!;
      const platform = rng.pick(["instagram", "tiktok", "youtube"] as const);
      creators.push({
        key: `gen-creator-${String(n).padStart(2, "0")}`,
        handle,
        tier: spec.tier,
        followers: rng.int(spec.followers[0], spec.followers[1]),
        platform,
        conversion: spec.conversion,
        campaignKey: campaign.key,
        campaignSlug: campaign.slug,
        code: `${handle.split("_")[0]!.toUpperCase()}${10 + (n % 3) * 5}${spec.tier.toUpperCase().slice(0, 2)}`,
        link: { slug: `l${String(n).padStart(3, "0")}x${rng.hex(3)}`, utmSource: platform, utmMedium: "influencer", utmCampaign: campaign.slug, utmContent: handle },
      });
    }
  }
  return { creators, campaigns };
}

// ---------------------------------------------------------------------------------------------------------------
// Orders

// Prices and unit costs in USD cents; the gift box has no cost entered (its sales fall back on the default margin).
const PRODUCTS = [
  { title: "Vitamin C serum", sku: "SER-VC-30", price: 3400, cost: 920, grams: 120 },
  { title: "Hydrating cleanser", sku: "CLN-HY-150", price: 1850, cost: 610, grams: 200 },
  { title: "Night repair cream", sku: "CRM-NR-50", price: 4900, cost: 1480, grams: 180 },
  { title: "Mineral sunscreen SPF 50", sku: "SUN-MN-50", price: 2600, cost: 830, grams: 110 },
  { title: "Jade roller", sku: "TLS-JR-01", price: 2200, cost: 540, grams: 150 },
  { title: "Lip balm trio", sku: "LIP-TR-03", price: 1200, cost: 390, grams: 60 },
  { title: "Retinol booster", sku: "SER-RT-15", price: 5800, cost: 1650, grams: 90 },
  { title: "Gift box deluxe", sku: "GFT-DX-01", price: 12900, cost: null, grams: 900 },
];

// Variant and inventory item ids below 2^53, as Shopify's are: webhook bodies carry variant_id as a JSON number.
const variantIdOf = (productIndex: number) => String(44_000_000_000_000 + productIndex * 1_000_033);
const inventoryItemIdOf = (productIndex: number) => String(46_000_000_000_000 + productIndex * 1_000_033);

/** The catalog's variants and their unit costs in `currency` minor units (null: no cost entered), for the stand-in. */
export function catalogVariants(currency: string): { variantId: string; inventoryItemId: string; title: string; unitCostMinor: number | null }[] {
  return PRODUCTS.map((product, i) => ({
    variantId: variantIdOf(i + 1),
    inventoryItemId: inventoryItemIdOf(i + 1),
    title: product.title,
    unitCostMinor: product.cost === null ? null : convert(product.cost, "USD", currency),
  }));
}
const FIRST_NAMES = ["Alex", "Sam", "Jordan", "Camille", "Hugo", "Maya", "Leo", "Iris", "Noor", "Elena", "Tom", "Aiko"];
const LAST_NAMES = ["Martin", "Bernard", "Dubois", "Smith", "Garcia", "Rossi", "Kim", "Nguyen", "Novak", "Silva"];
const CITIES = [
  ["Lyon", "FR", "France", "69002"],
  ["Austin", "US", "United States", "73301"],
  ["Leeds", "GB", "United Kingdom", "LS1 4AP"],
  ["Toronto", "CA", "Canada", "M5V 2T6"],
  ["Osaka", "JP", "Japan", "530-0001"],
] as const;

type Line = { lineId: string; productId: string; variantId: string; title: string; sku: string; grams: number; priceMinor: number; quantity: number; discountMinor: number };
type Customer = { gid: string; digits: string; first: string; last: string; email: string; city: (typeof CITIES)[number]; acquiredKey: string | null; orders: number };

type OrderPlan = {
  n: number;
  digits: string;
  gid: string;
  name: string;
  createdMs: number;
  presentment: string;
  customer: Customer | null;
  lines: Line[];
  code: string | null;
  codeCreator: CreatorSpec | null;
  utmCreator: CreatorSpec | null;
  landing: string | null;
  referrer: string | null;
  shippingMinor: number;
  test: boolean;
  /** Final state */
  cancelledMs: number | null;
  refunds: RefundPlan[];
  creditKey: string | null;
  creditKind: "code" | "link" | null;
};
type RefundPlan = { digits: string; gid: string; ms: number; lines: { line: Line; quantity: number; subtotalMinor: number; taxMinor: number; refundLineDigits: string }[]; amountMinor: number };

const TAX_BPS = 800;

function bigId(prefix: string, n: number): string {
  // 19 digits, above 2^53 (9007199254740992): JSON.parse rounds them; GIDs keep them exact.
  return `${prefix}${String(n).padStart(19 - prefix.length, "0")}`;
}

function money(minor: number, shopCurrency: string, presentment: string): MoneySet {
  return {
    shop_money: { amount: decimal(minor, shopCurrency), currency_code: shopCurrency },
    presentment_money: { amount: decimal(convert(minor, shopCurrency, presentment), presentment), currency_code: presentment },
  };
}

function taxOf(minor: number): number {
  return Math.round((minor * TAX_BPS) / 10_000);
}

/** Splits a discount over lines in proportion to their value, to the cent (the remainder on the largest lines). */
function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0) return weights.map(() => 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (rest <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    rest -= 1;
  }
  return parts;
}

function emptyTotals(): Totals {
  return { orders: 0, codeOrders: 0, linkOrders: 0, newCustomers: 0, grossMinor: 0, discountsMinor: 0, refundsMinor: 0, netMinor: 0, repeatOrders: 0, repeatNetMinor: 0 };
}

// Placeholders for numbers beyond 2^53 that JSON.stringify cannot write exactly.
const BIG = (digits: string) => `@@BIG${digits}@@`;
const unbig = (text: string) => text.replace(/"@@BIG(\d+)@@"/g, "$1");

function address(c: Customer) {
  const [city, countryCode, country, zip] = c.city;
  return {
    first_name: c.first,
    address1: `${10 + (c.first.length * 7) % 90} Rue du Commerce`,
    phone: null,
    city,
    zip,
    province: null,
    country,
    last_name: c.last,
    address2: null,
    company: null,
    latitude: null,
    longitude: null,
    name: `${c.first} ${c.last}`,
    country_code: countryCode,
    province_code: null,
  };
}

/** The order body at a moment of its life (created, updated, cancelled, with the refunds made by then). */
function orderBody(
  plan: OrderPlan,
  state: { updatedMs: number; cancelledMs: number | null; refunds: RefundPlan[]; fulfilled: boolean },
  shop: string,
  currency: string,
  timeZone: string,
): string {
  const p = plan.presentment;
  const m = (minor: number) => money(minor, currency, p);
  const gross = plan.lines.reduce((sum, l) => sum + l.priceMinor * l.quantity, 0);
  const discounts = plan.lines.reduce((sum, l) => sum + l.discountMinor, 0);
  const subtotal = gross - discounts;
  const tax = taxOf(subtotal);
  const total = subtotal + plan.shippingMinor + tax;
  const refundedLines = state.refunds.reduce((sum, r) => sum + r.amountMinor, 0);
  const refundedTax = state.refunds.reduce((sum, r) => sum + r.lines.reduce((s, l) => s + l.taxMinor, 0), 0);
  const currentSubtotal = state.cancelledMs ? 0 : subtotal - refundedLines;
  const currentTax = state.cancelledMs ? 0 : tax - refundedTax;
  const currentShipping = state.cancelledMs ? 0 : plan.shippingMinor;
  const created = shopTime(plan.createdMs, timeZone);
  const c = plan.customer;
  const body = {
    id: BIG(plan.digits),
    admin_graphql_api_id: plan.gid,
    app_id: 580111,
    browser_ip: null,
    buyer_accepts_marketing: c ? c.orders % 2 === 0 : false,
    cancel_reason: state.cancelledMs ? "customer" : null,
    cancelled_at: state.cancelledMs ? shopTime(state.cancelledMs, timeZone) : null,
    cart_token: null,
    checkout_token: `c${plan.digits.slice(-12)}`,
    client_details: null,
    closed_at: null,
    confirmation_number: `K${plan.digits.slice(-8)}`,
    confirmed: true,
    contact_email: c?.email ?? `guest${plan.n}@example.net`,
    created_at: created,
    currency,
    current_shipping_price_set: m(currentShipping),
    current_subtotal_price: decimal(currentSubtotal, currency),
    current_subtotal_price_set: m(currentSubtotal),
    current_total_additional_fees_set: null,
    current_total_discounts: decimal(state.cancelledMs ? 0 : discounts, currency),
    current_total_discounts_set: m(state.cancelledMs ? 0 : discounts),
    current_total_duties_set: null,
    current_total_price: decimal(currentSubtotal + currentShipping + currentTax, currency),
    current_total_price_set: m(currentSubtotal + currentShipping + currentTax),
    current_total_tax: decimal(currentTax, currency),
    current_total_tax_set: m(currentTax),
    customer_locale: p === "JPY" ? "ja" : p === "EUR" ? "fr" : "en",
    device_id: null,
    discount_codes: plan.code ? [{ code: plan.code, amount: decimal(discounts, currency), type: "percentage" }] : [],
    duties_included: false,
    email: c?.email ?? `guest${plan.n}@example.net`,
    estimated_taxes: false,
    financial_status: state.cancelledMs ? "refunded" : state.refunds.length > 0 ? "partially_refunded" : "paid",
    fulfillment_status: state.fulfilled ? "fulfilled" : null,
    landing_site: plan.landing,
    landing_site_ref: null,
    location_id: null,
    merchant_business_entity_id: "MTU0ODM4MDAwOQ",
    merchant_of_record_app_id: null,
    name: plan.name,
    note: null,
    note_attributes: [],
    number: plan.n,
    order_number: 1000 + plan.n,
    order_status_url: `https://${shop}/548380009/orders/${plan.digits.slice(-10)}/authenticate?key=${plan.digits.slice(-6)}`,
    original_total_additional_fees_set: null,
    original_total_duties_set: null,
    payment_gateway_names: ["shopify_payments"],
    phone: null,
    po_number: null,
    presentment_currency: p,
    processed_at: created,
    reference: null,
    referring_site: plan.referrer,
    source_identifier: null,
    source_name: "web",
    source_url: null,
    subtotal_price: decimal(subtotal, currency),
    subtotal_price_set: m(subtotal),
    tags: state.fulfilled ? "creator-roi, shipped" : "creator-roi",
    tax_exempt: false,
    tax_lines: [{ price: decimal(tax, currency), rate: TAX_BPS / 10_000, title: "VAT", price_set: m(tax), channel_liable: false }],
    taxes_included: false,
    test: plan.test,
    token: plan.digits.slice(-16),
    total_cash_rounding_payment_adjustment_set: m(0),
    total_cash_rounding_refund_adjustment_set: m(0),
    total_discounts: decimal(discounts, currency),
    total_discounts_set: m(discounts),
    total_line_items_price: decimal(gross, currency),
    total_line_items_price_set: m(gross),
    total_outstanding: "0.00",
    total_price: decimal(total, currency),
    total_price_set: m(total),
    total_shipping_price_set: m(plan.shippingMinor),
    total_tax: decimal(tax, currency),
    total_tax_set: m(tax),
    total_tip_received: "0.00",
    total_weight: plan.lines.reduce((sum, l) => sum + l.grams * l.quantity, 0),
    updated_at: shopTime(state.updatedMs, timeZone),
    user_id: null,
    billing_address: c ? address(c) : null,
    customer: c
      ? {
          id: BIG(c.digits),
          created_at: null,
          updated_at: null,
          first_name: c.first,
          last_name: c.last,
          state: "enabled",
          note: null,
          verified_email: true,
          multipass_identifier: null,
          tax_exempt: false,
          email: c.email,
          phone: null,
          currency,
          tax_exemptions: [],
          admin_graphql_api_id: c.gid,
          default_address: { ...address(c), id: BIG(bigId("71", Number(c.digits.slice(-8)))), customer_id: BIG(c.digits), default: true },
        }
      : null,
    discount_applications: plan.code
      ? [{ target_type: "line_item", type: "discount_code", value: "15.0", value_type: "percentage", allocation_method: "across", target_selection: "all", code: plan.code }]
      : [],
    fulfillments: [],
    line_items: plan.lines.map((l) => ({
      id: BIG(l.lineId),
      admin_graphql_api_id: `gid://shopify/LineItem/${l.lineId}`,
      attributed_staffs: [],
      current_quantity: state.cancelledMs ? 0 : l.quantity,
      fulfillable_quantity: state.fulfilled ? 0 : l.quantity,
      fulfillment_service: "manual",
      fulfillment_status: state.fulfilled ? "fulfilled" : null,
      gift_card: false,
      grams: l.grams,
      name: l.title,
      price: decimal(l.priceMinor, currency),
      price_set: m(l.priceMinor),
      product_exists: true,
      product_id: BIG(l.productId),
      properties: [],
      quantity: l.quantity,
      requires_shipping: true,
      sales_line_item_group_id: null,
      sku: l.sku,
      taxable: true,
      title: l.title,
      total_discount: "0.00",
      total_discount_set: m(0),
      variant_id: BIG(l.variantId),
      variant_inventory_management: "shopify",
      variant_title: null,
      vendor: "Creator ROI Demo",
      tax_lines: [{ channel_liable: false, price: decimal(taxOf(l.priceMinor * l.quantity - l.discountMinor), currency), price_set: m(taxOf(l.priceMinor * l.quantity - l.discountMinor)), rate: TAX_BPS / 10_000, title: "VAT" }],
      duties: [],
      discount_allocations: l.discountMinor > 0 ? [{ amount: decimal(l.discountMinor, currency), amount_set: m(l.discountMinor), discount_application_index: 0 }] : [],
    })),
    payment_terms: null,
    refunds: state.refunds.map((r) => refundObject(plan, r, currency, timeZone)),
    shipping_address: c ? address(c) : null,
    shipping_lines: [
      {
        id: BIG(bigId("27", plan.n)),
        carrier_identifier: null,
        code: plan.shippingMinor > 0 ? "Standard" : "Free",
        current_discounted_price_set: m(plan.shippingMinor),
        discounted_price: decimal(plan.shippingMinor, currency),
        discounted_price_set: m(plan.shippingMinor),
        is_removed: false,
        phone: null,
        price: decimal(plan.shippingMinor, currency),
        price_set: m(plan.shippingMinor),
        requested_fulfillment_service_id: null,
        source: "shopify",
        title: plan.shippingMinor > 0 ? "Standard" : "Free shipping",
        tax_lines: [],
        discount_allocations: [],
      },
    ],
    returns: [],
    line_item_groups: [],
  };
  return unbig(JSON.stringify(body));
}

function refundObject(plan: OrderPlan, r: RefundPlan, currency: string, timeZone: string) {
  const m = (minor: number) => money(minor, currency, plan.presentment);
  const at = shopTime(r.ms, timeZone);
  return {
    id: BIG(r.digits),
    order_id: BIG(plan.digits),
    created_at: at,
    note: "Returned by the customer",
    user_id: null,
    processed_at: at,
    duties: [],
    total_duties_set: m(0),
    return: null,
    refund_shipping_lines: [],
    restock: true,
    admin_graphql_api_id: r.gid,
    order_adjustments: [],
    refund_line_items: r.lines.map((rl) => ({
      id: BIG(rl.refundLineDigits),
      quantity: rl.quantity,
      line_item_id: BIG(rl.line.lineId),
      location_id: null,
      restock_type: "return",
      subtotal: Number(decimal(rl.subtotalMinor, currency)),
      total_tax: Number(decimal(rl.taxMinor, currency)),
      subtotal_set: m(rl.subtotalMinor),
      total_tax_set: m(rl.taxMinor),
      line_item: { id: BIG(rl.line.lineId), admin_graphql_api_id: `gid://shopify/LineItem/${rl.line.lineId}`, title: rl.line.title, sku: rl.line.sku, quantity: rl.line.quantity, price: decimal(rl.line.priceMinor, currency), price_set: m(rl.line.priceMinor) },
    })),
    transactions: [
      {
        id: BIG(bigId("24", Number(r.digits.slice(-9)))),
        order_id: BIG(plan.digits),
        kind: "refund",
        gateway: "shopify_payments",
        status: "success",
        message: null,
        created_at: at,
        test: plan.test,
        authorization: null,
        location_id: null,
        user_id: null,
        parent_id: null,
        processed_at: at,
        device_id: null,
        error_code: null,
        source_name: "web",
        receipt: {},
        amount: decimal(r.amountMinor + r.lines.reduce((s, l) => s + l.taxMinor, 0), currency),
        currency,
        payment_id: plan.name,
        manual_payment_gateway: false,
        amount_rounding: null,
        admin_graphql_api_id: `gid://shopify/OrderTransaction/${bigId("24", Number(r.digits.slice(-9)))}`,
      },
    ],
  };
}

/** Generates the stream: one seed, one stream, whatever the machine. */
export function generateOrderStream(options: GenerateOptions): GeneratedStream {
  const rng = new Rng(mulberry32(options.seed));
  const currency = options.currency ?? "USD";
  exponent(currency);
  const timeZone = options.timeZone ?? "America/New_York";
  const startMs = Date.parse(`${options.start ?? "2026-09-01"}T00:00:00Z`);
  const days = options.days ?? 60;
  const roster = options.creators ? { creators: options.creators, campaigns: options.campaigns ?? [] } : generateRoster(options.seed);
  const { creators, campaigns } = roster;
  const baselineShare = options.baselineShare ?? 0.55;
  const presentments = [...new Set([currency, currency, currency, "EUR", "GBP", "CAD", "JPY"])];

  // Customers: new ones appear as orders come; some return (more often those a creator brought: cohorts repeat).
  const customers: Customer[] = [];
  const newCustomer = (): Customer => {
    const n = customers.length + 1;
    const digits = bigId("93", n * 7919);
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const customer: Customer = {
      gid: `gid://shopify/Customer/${digits}`,
      digits,
      first,
      last,
      email: `${first}.${last}.${n}@example.com`.toLowerCase(),
      city: rng.pick(CITIES),
      acquiredKey: null,
      orders: 0,
    };
    customers.push(customer);
    return customer;
  };

  const plans: OrderPlan[] = [];
  const spanMs = days * 86_400_000;
  // Orders are spread over the period with a weekly rhythm; sorted by time so that "returning" means returning.
  const times = Array.from({ length: options.orders }, () => {
    for (;;) {
      const t = startMs + Math.floor(rng.float() * spanMs);
      const weekday = new Date(t).getUTCDay();
      if (rng.chance(weekday === 0 || weekday === 6 ? 1 : 0.75)) return t;
    }
  }).sort((a, b) => a - b);

  times.forEach((createdMs, i) => {
    const n = i + 1;
    const digits = bigId("82", n * 104729);
    const test = rng.chance(0.01);
    // Who buys
    let customer: Customer | null = null;
    if (!rng.chance(0.12)) {
      const returning = customers.length > 20 && rng.chance(0.32);
      if (returning) {
        // Customers a creator acquired come back more: their weight is doubled.
        customer = rng.weighted(customers, (c) => (c.acquiredKey ? 2 : 1) / (1 + c.orders * 0.5));
      } else {
        customer = newCustomer();
      }
    }
    // Why they buy: a creator's audience (weighted by reach × conversion), or the store baseline
    let codeCreator: CreatorSpec | null = null;
    let utmCreator: CreatorSpec | null = null;
    let landing: string | null = null;
    let referrer: string | null = null;
    let code: string | null = null;
    const product = rng.pick(PRODUCTS);
    const path = `/products/${product.sku.toLowerCase()}`;
    if (creators.length > 0 && !rng.chance(baselineShare)) {
      const creator = rng.weighted(creators, (c) => Math.sqrt(c.followers) * c.conversion);
      const how = rng.float();
      if (how < 0.45) {
        // Typed the code without following the link.
        codeCreator = creator;
        code = rng.chance(0.2) ? creator.code.toLowerCase() : creator.code;
        referrer = rng.chance(0.5) ? `https://www.${creator.platform}.com/` : null;
      } else if (how < 0.75) {
        // Followed the link: the discount URL applied the code and the landing page carries the creator's UTMs.
        codeCreator = creator;
        utmCreator = creator;
        code = creator.code;
        landing = `${path}?utm_source=${creator.link.utmSource}&utm_medium=${creator.link.utmMedium}&utm_campaign=${creator.link.utmCampaign}&utm_content=${creator.link.utmContent}`;
        referrer = `https://l.${creator.platform}.com/`;
      } else if (how < 0.95) {
        // Followed the link, no code (it was paused, or removed at checkout).
        utmCreator = creator;
        landing = `${path}?utm_source=${creator.link.utmSource}&utm_medium=${creator.link.utmMedium}&utm_campaign=${creator.link.utmCampaign}&utm_content=${creator.link.utmContent}`;
        referrer = `https://l.${creator.platform}.com/`;
      } else {
        // Another creator's code on top of this creator's link: the code wins, the link is an assist.
        const other = creators.length > 1 ? rng.pick(creators.filter((c) => c.key !== creator.key)) : creator;
        codeCreator = other;
        utmCreator = creator;
        code = other.code;
        landing = `${path}?utm_source=${creator.link.utmSource}&utm_medium=${creator.link.utmMedium}&utm_campaign=${creator.link.utmCampaign}&utm_content=${creator.link.utmContent}`;
      }
    } else {
      const channel = rng.float();
      if (channel < 0.3) referrer = null; // direct
      else if (channel < 0.55) referrer = "https://www.google.com/";
      else if (channel < 0.7) landing = `${path}?utm_source=klaviyo&utm_medium=email&utm_campaign=weekly`;
      else if (channel < 0.85) landing = `${path}?utm_source=facebook&utm_medium=cpc&utm_campaign=retargeting`;
      else referrer = "https://www.instagram.com/";
      if (rng.chance(0.05)) code = "WELCOME10"; // a shop code no creator owns
    }

    // What they buy
    const lines: Line[] = [];
    const lineCount = rng.int(1, 3);
    for (let j = 0; j < lineCount; j++) {
      const item = j === 0 ? product : rng.pick(PRODUCTS);
      const productIndex = PRODUCTS.indexOf(item) + 1;
      lines.push({
        lineId: bigId("48", n * 10 + j),
        productId: bigId("78", productIndex * 1000003),
        variantId: variantIdOf(productIndex),
        title: item.title,
        sku: item.sku,
        grams: item.grams,
        priceMinor: convert(item.price, "USD", currency),
        quantity: rng.chance(0.2) ? 2 : 1,
        discountMinor: 0,
      });
    }
    if (code) {
      const rate = code === "WELCOME10" ? 0.1 : 0.15;
      const gross = lines.reduce((sum, l) => sum + l.priceMinor * l.quantity, 0);
      const parts = allocate(Math.round(gross * rate), lines.map((l) => l.priceMinor * l.quantity));
      lines.forEach((l, k) => (l.discountMinor = parts[k] ?? 0));
    }
    const subtotal = lines.reduce((sum, l) => sum + l.priceMinor * l.quantity - l.discountMinor, 0);
    const shippingMinor = subtotal >= convert(5000, "USD", currency) ? 0 : convert(590, "USD", currency);

    const plan: OrderPlan = {
      n,
      digits,
      gid: `gid://shopify/Order/${digits}`,
      name: `#${1000 + n}`,
      createdMs: createdMs + rng.int(0, 999) * 0, // whole seconds
      presentment: rng.pick(presentments),
      customer,
      lines,
      code,
      codeCreator,
      utmCreator,
      landing,
      referrer,
      shippingMinor,
      test,
      cancelledMs: null,
      refunds: [],
      creditKey: codeCreator?.key ?? utmCreator?.key ?? null,
      creditKind: codeCreator ? "code" : utmCreator ? "link" : null,
    };
    plan.createdMs = Math.floor(plan.createdMs / 1000) * 1000;

    // Its later life: a cancellation soon after (sometimes with a refund), or a refund of some lines days later.
    const fate = rng.float();
    if (fate < 0.035) {
      plan.cancelledMs = plan.createdMs + rng.int(10, 600) * 60_000;
      if (rng.chance(0.5)) plan.refunds.push(refundPlan(plan, rng, plan.cancelledMs, lines.length));
    } else if (fate < 0.13) {
      plan.refunds.push(refundPlan(plan, rng, plan.createdMs + rng.int(2, 20) * 86_400_000 + rng.int(0, 86_399) * 1000, 1));
      if (rng.chance(0.15)) plan.refunds.push(refundPlan(plan, rng, plan.refunds[0]!.ms + rng.int(1, 5) * 86_400_000, 1));
    }
    if (customer && !test) customer.orders += 1;
    if (customer && !test && customer.orders === 1 && plan.creditKey && plan.cancelledMs === null) customer.acquiredKey = plan.creditKey;
    plans.push(plan);
  });

  // Events
  const events: GeneratedEvent[] = [];
  const shop = options.shop;
  const push = (topic: GeneratedEvent["topic"], body: string, ms: number, orderGid: string) =>
    events.push({ topic, body, at: new Date(ms).toISOString(), webhookId: rng.uuid(), eventId: rng.uuid(), orderGid });
  for (const plan of plans) {
    const created = { updatedMs: plan.createdMs, cancelledMs: null, refunds: [] as RefundPlan[], fulfilled: false };
    push("orders/create", orderBody(plan, created, shop, currency, timeZone), plan.createdMs, plan.gid);
    let fulfilled = false;
    if (plan.cancelledMs === null && rng.chance(0.4)) {
      // Paid and fulfilled: an update that changes no money.
      fulfilled = true;
      const at = plan.createdMs + rng.int(1, 48) * 3_600_000;
      push("orders/updated", orderBody(plan, { updatedMs: at, cancelledMs: null, refunds: [], fulfilled }, shop, currency, timeZone), at, plan.gid);
    }
    if (plan.cancelledMs !== null) {
      const refunds = plan.refunds;
      for (const refund of refunds) push("refunds/create", unbig(JSON.stringify(refundObject(plan, refund, currency, timeZone))), refund.ms, plan.gid);
      push("orders/cancelled", orderBody(plan, { updatedMs: plan.cancelledMs + 1000, cancelledMs: plan.cancelledMs, refunds, fulfilled: false }, shop, currency, timeZone), plan.cancelledMs + 1000, plan.gid);
    } else {
      const done: RefundPlan[] = [];
      for (const refund of plan.refunds) {
        done.push(refund);
        push("refunds/create", unbig(JSON.stringify(refundObject(plan, refund, currency, timeZone))), refund.ms, plan.gid);
        // Shopify also sends orders/updated with the refund listed.
        push("orders/updated", orderBody(plan, { updatedMs: refund.ms + 1000, cancelledMs: null, refunds: [...done], fulfilled }, shop, currency, timeZone), refund.ms + 1000, plan.gid);
      }
    }
  }
  events.sort((a, b) => a.at.localeCompare(b.at));

  return { shop, currency, timeZone, creators, campaigns, events, expected: expectedTotals(plans, creators) };
}

function refundPlan(plan: OrderPlan, rng: Rng, ms: number, maxLines: number): RefundPlan {
  const refunded = new Set(plan.refunds.flatMap((r) => r.lines.map((l) => l.line.lineId)));
  const candidates = plan.lines.filter((l) => !refunded.has(l.lineId));
  const chosen = (candidates.length > 0 ? candidates : plan.lines).slice(0, Math.max(1, Math.min(maxLines, candidates.length || 1)));
  const digits = bigId("89", plan.n * 10 + plan.refunds.length);
  const lines = chosen.map((line, k) => {
    const subtotalMinor = line.priceMinor * line.quantity - line.discountMinor;
    return { line, quantity: line.quantity, subtotalMinor, taxMinor: taxOf(subtotalMinor), refundLineDigits: bigId("31", plan.n * 100 + plan.refunds.length * 10 + k) };
  });
  void rng;
  return { digits, gid: `gid://shopify/Refund/${digits}`, ms: Math.floor(ms / 1000) * 1000, lines, amountMinor: lines.reduce((sum, l) => sum + l.subtotalMinor, 0) };
}

/** The totals the app must show, computed from the plans (not with the app's code). */
function expectedTotals(plans: readonly OrderPlan[], creators: readonly CreatorSpec[]): ExpectedTotals {
  const shop = emptyTotals();
  const baseline = emptyTotals();
  const byCreator: Record<string, Totals> = Object.fromEntries(creators.map((c) => [c.key, emptyTotals()]));
  const bucket = (key: string | null) => (key ? (byCreator[key] ??= emptyTotals()) : baseline);
  const counted = plans.filter((p) => !p.test && p.cancelledMs === null);
  for (const p of counted) {
    const gross = p.lines.reduce((sum, l) => sum + l.priceMinor * l.quantity, 0);
    const discounts = p.lines.reduce((sum, l) => sum + l.discountMinor, 0);
    const refunds = p.refunds.reduce((sum, r) => sum + r.amountMinor, 0);
    for (const t of [shop, bucket(p.creditKey)]) {
      t.orders += 1;
      t.codeOrders += p.creditKind === "code" ? 1 : 0;
      t.linkOrders += p.creditKind === "link" ? 1 : 0;
      t.grossMinor += gross;
      t.discountsMinor += discounts;
      t.refundsMinor += refunds;
      t.netMinor += gross - discounts - refunds;
    }
  }
  // Customers: the first counted order (by time, then GID) makes a new customer, acquired by its creator; later ones
  // are repeat purchases in that creator's cohort.
  const byCustomer = new Map<string, OrderPlan[]>();
  for (const p of counted) if (p.customer) byCustomer.set(p.customer.gid, [...(byCustomer.get(p.customer.gid) ?? []), p]);
  for (const orders of byCustomer.values()) {
    orders.sort((a, b) => a.createdMs - b.createdMs || (a.gid < b.gid ? -1 : 1));
    const first = orders[0]!;
    shop.newCustomers += 1;
    bucket(first.creditKey).newCustomers += 1;
    if (!first.creditKey) continue;
    for (const later of orders.slice(1)) {
      const net =
        later.lines.reduce((sum, l) => sum + l.priceMinor * l.quantity - l.discountMinor, 0) - later.refunds.reduce((sum, r) => sum + r.amountMinor, 0);
      for (const t of [shop, bucket(first.creditKey)]) {
        t.repeatOrders += 1;
        t.repeatNetMinor += net;
      }
    }
  }
  return {
    shop,
    baseline,
    byCreator,
    storedOrders: plans.filter((p) => !p.test).length,
    testOrders: plans.filter((p) => p.test).length,
    cancelledOrders: plans.filter((p) => !p.test && p.cancelledMs !== null).length,
    refunds: plans.filter((p) => !p.test).reduce((sum, p) => sum + p.refunds.length, 0),
    customers: byCustomer.size,
  };
}
