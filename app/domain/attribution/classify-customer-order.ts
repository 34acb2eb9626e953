import { AttributionInputError } from "./errors";

/** How an order counts for customer metrics (new customers, cohorts, repeat purchases). */
export interface CustomerOrderClass {
  /** 'unknown' for guest checkouts, whose history cannot be known. */
  customerType: "new" | "returning" | "unknown";
  /** 'acquired': first order, credited to a creator; 'repeat': later order of a customer a creator acquired. */
  cohort: "acquired" | "repeat" | "none";
  /** The creator whose cohort the order belongs to (acquiring creator), null when cohort is 'none'. */
  cohortCreatorId: string | null;
  cohortCampaignId: string | null;
}

export interface ClassifyCustomerOrderInput {
  /** Orders of this customer in the shop before this one (from the backfilled history), null for a guest checkout. */
  priorOrdersInShop: number | null;
  /** The creator who acquired this customer with an earlier order, if any. */
  acquiredByCreatorId: string | null;
  acquiredByCampaignId?: string | null;
  /** The creator credited with this order (the largest credit under the default model), if any. */
  creditedCreatorId: string | null;
  creditedCampaignId?: string | null;
}

/**
 * New versus returning from the customer's whole history in the shop. A first order credited to a creator is
 * 'acquired' by that creator; every later order of a customer a creator acquired is a 'repeat' in that creator's
 * cohort, whether or not it used a code. A first order ignores any earlier acquirer (its earlier order was removed).
 */
export function classifyCustomerOrder(input: ClassifyCustomerOrderInput): CustomerOrderClass {
  const { priorOrdersInShop } = input;
  if (priorOrdersInShop === null) {
    return { customerType: "unknown", cohort: "none", cohortCreatorId: null, cohortCampaignId: null };
  }
  if (!Number.isSafeInteger(priorOrdersInShop) || priorOrdersInShop < 0) {
    throw new AttributionInputError(`priorOrdersInShop must be a whole number ≥ 0, got ${String(priorOrdersInShop)}`);
  }
  if (priorOrdersInShop === 0) {
    return input.creditedCreatorId
      ? {
          customerType: "new",
          cohort: "acquired",
          cohortCreatorId: input.creditedCreatorId,
          cohortCampaignId: input.creditedCampaignId ?? null,
        }
      : { customerType: "new", cohort: "none", cohortCreatorId: null, cohortCampaignId: null };
  }
  return input.acquiredByCreatorId
    ? {
        customerType: "returning",
        cohort: "repeat",
        cohortCreatorId: input.acquiredByCreatorId,
        cohortCampaignId: input.acquiredByCampaignId ?? null,
      }
    : { customerType: "returning", cohort: "none", cohortCreatorId: null, cohortCampaignId: null };
}
