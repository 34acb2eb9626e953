import { applyOrderOverride } from "../ingest/ingest-order.server";
import { getCampaign } from "../models/campaign.server";
import { getCreator } from "../models/creator.server";
import { requireOrderRef } from "../models/order-ref.server";

/** A reassignment naming a creator or campaign the shop does not have. */
export class ReassignmentError extends Error {
  constructor(
    readonly field: "creatorId" | "campaignId",
    message: string,
  ) {
    super(message);
    this.name = "ReassignmentError";
  }
}

/**
 * Staff reassign an order to one of the shop's creators (and, optionally, one of its campaigns), or clear the
 * reassignment with null. The override is recorded with who and when, survives later updates of the order, and
 * the order's credit and the rollups follow in the same transaction (the ingestion core's applyOrderOverride).
 * Another shop's order is a 404; another shop's creator or campaign a ReassignmentError; nothing changes then.
 */
export async function reassignOrder(
  shop: string,
  orderId: string,
  target: { creatorId: string; campaignId: string | null } | null,
  staff: string | null,
  now: Date = new Date(),
): Promise<void> {
  const order = await requireOrderRef(shop, orderId);
  if (target) {
    if (!(await getCreator(shop, target.creatorId))) throw new ReassignmentError("creatorId", `Unknown creator ${target.creatorId}`);
    if (target.campaignId !== null && !(await getCampaign(shop, target.campaignId))) {
      throw new ReassignmentError("campaignId", `Unknown campaign ${target.campaignId}`);
    }
  }
  const applied = await applyOrderOverride(shop, order.shopifyOrderId, target, staff, now);
  // Deleted between the lookup and the transaction (shop/redact): as if it had never been there.
  if (!applied) throw new Response("Not found", { status: 404 });
}
