export { normalizeOrder } from "./normalize-order";
export { normalizeRefund, normalizeParsedRefund } from "./normalize-refund";
export { extractRawOrderIdFromRefundBody, orderGidFromRefundBody } from "./extract-raw-order-id";
export { parseUtm, EMPTY_UTM, type Utm } from "./parse-utm";
export { normalizeCode } from "./normalize-code";
export type { NormalizedOrder, NormalizedRefund, NormalizedLineItem, NormalizedJourneyVisit, OrderVisitor } from "./normalized-types";
export { orderCogs, type OrderCogs } from "./order-cogs";
export {
  normalizeOrderNode,
  type OrderNodeInput,
  type OrderNodeLineItem,
  type OrderNodeMoneyBag,
  type OrderNodeVisit,
} from "./normalize-order-node";
export {
  shopifyOrderPayloadSchema,
  shopifyRefundPayloadSchema,
  moneySetSchema,
  gidSchema,
  timestampSchema,
  type ShopifyOrderPayload,
  type ShopifyRefundPayload,
  type ShopifyMoneySet,
} from "./shopify-payload-schemas";
export { ShopifyPayloadError } from "./errors";
export { unitCostToMinor, priceLineItems, type UnitCostsByVariant } from "./unit-cost-minor";
