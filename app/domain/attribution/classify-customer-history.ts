import { toInstant } from "~/domain/dates";
import { acquisitionChannel, type AcquisitionChannel } from "./acquisition-channel";
import { classifyCustomerOrder, type CustomerOrderClass } from "./classify-customer-order";

/** One counted order of a customer (not cancelled, not a test), as customer metrics need it. */
export interface CustomerHistoryOrder {
  /** A stable key of the order (its Shopify GID); breaks ties between orders processed at the same instant. */
  key: string;
  processedAt: string | Date;
  /** The creator the order is mainly credited to (the override when staff set one), null when uncredited. */
  main: { creatorId: string; campaignId: string | null } | null;
  /** The order's own signals, for the acquisition channel of a first order. */
  utmMedium: string | null;
  utmSource: string | null;
  referrer: string | null;
}

/** Who acquired a customer, and through which channel: read from the customer's first counted order. */
export interface CustomerAcquisition {
  firstOrderKey: string;
  firstOrderAt: string;
  acquiringCreatorId: string | null;
  acquiringCampaignId: string | null;
  acquisitionChannel: AcquisitionChannel;
}

export interface CustomerHistory {
  /** Per order key: new/returning and the cohort the order counts in. */
  classes: Map<string, CustomerOrderClass>;
  /** Per order key: 1 for the customer's first order in the shop, 2 for the second, … */
  indexes: Map<string, number>;
  /** null when the customer has no counted order left. */
  acquisition: CustomerAcquisition | null;
}

/**
 * Classifies every counted order of one customer from the whole history, so that the result does not depend on the
 * order in which the orders arrived: sorted by processing time (then key), the first order is 'new' and, when
 * credited, makes its creator the acquirer; every later order is 'returning' and a repeat purchase in the acquirer's
 * cohort. The acquisition channel is that of the first order.
 */
export function classifyCustomerHistory(orders: readonly CustomerHistoryOrder[]): CustomerHistory {
  const sorted = [...orders].sort(
    (a, b) => toInstant(a.processedAt).getTime() - toInstant(b.processedAt).getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const classes = new Map<string, CustomerOrderClass>();
  const indexes = new Map<string, number>();
  const first = sorted[0];
  if (!first) return { classes, indexes, acquisition: null };

  const acquirer = first.main;
  sorted.forEach((order, i) => {
    const credited = order.main;
    classes.set(
      order.key,
      classifyCustomerOrder({
        priorOrdersInShop: i,
        acquiredByCreatorId: acquirer?.creatorId ?? null,
        acquiredByCampaignId: acquirer?.campaignId ?? null,
        creditedCreatorId: credited?.creatorId ?? null,
        creditedCampaignId: credited?.campaignId ?? null,
      }),
    );
    indexes.set(order.key, i + 1);
  });
  return {
    classes,
    indexes,
    acquisition: {
      firstOrderKey: first.key,
      firstOrderAt: toInstant(first.processedAt).toISOString(),
      acquiringCreatorId: acquirer?.creatorId ?? null,
      acquiringCampaignId: acquirer?.campaignId ?? null,
      acquisitionChannel: acquisitionChannel({
        utmMedium: first.utmMedium,
        utmSource: first.utmSource,
        referrer: first.referrer,
        creatorCredited: acquirer !== null,
      }),
    },
  };
}
