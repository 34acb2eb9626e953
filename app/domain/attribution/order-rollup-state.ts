import { dayKey } from "~/domain/dates";
import type { NormalizedOrder, NormalizedRefund } from "~/domain/orders";
import type { CustomerOrderClass } from "./classify-customer-order";
import type { CreditKind, OrderRollupState } from "./rollup-delta";
import type { Credit } from "./types";

/**
 * The rollup state of an order, or null when it must not count: test orders are ignored and cancelled orders
 * removed. Days are the shop-local days of the order and of each refund.
 */
export function orderRollupState(
  order: Pick<NormalizedOrder, "processedAt" | "grossMinor" | "discountsMinor" | "cancelled" | "test">,
  context: {
    timeZone: string;
    credits: readonly (Pick<Credit, "creatorId" | "campaignId" | "ppm"> & { kind: CreditKind })[];
    customer: CustomerOrderClass;
    refunds: readonly Pick<NormalizedRefund, "shopifyRefundId" | "processedAt" | "amountMinor">[];
    /** Cost of goods where Shopify knows unit costs (see orderCogs); none known when omitted. */
    cogs?: { cogsMinor: number; cogsCoveredMinor: number };
  },
): OrderRollupState | null {
  if (order.test || order.cancelled) return null;
  return {
    day: dayKey(order.processedAt, context.timeZone),
    grossMinor: order.grossMinor,
    discountsMinor: order.discountsMinor,
    cogsMinor: context.cogs?.cogsMinor ?? 0,
    cogsCoveredMinor: context.cogs?.cogsCoveredMinor ?? 0,
    credits: context.credits
      .filter((credit) => credit.ppm > 0)
      .map(({ creatorId, campaignId, ppm, kind }) => ({ creatorId, campaignId, ppm, kind })),
    customer: context.customer,
    refunds: context.refunds.map((refund) => ({
      shopifyRefundId: refund.shopifyRefundId,
      day: dayKey(refund.processedAt, context.timeZone),
      amountMinor: refund.amountMinor,
    })),
  };
}
