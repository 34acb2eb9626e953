// The cost terms of a collaboration (fee, commission rate, gifted product cost, seeding shipping), edited from the
// creator's performance page. Only these four columns: the rest of the collaboration belongs to the campaign pages.
import { db } from "../db.server";

export type CollaborationCostsInput = {
  feeMinor: number;
  commissionBps: number;
  giftedCostMinor: number;
  shippingCostMinor: number;
};

/** Updates one collaboration's costs; another shop's collaboration, or one of another creator, is a 404 with nothing changed. */
export async function updateCollaborationCosts(
  shop: string,
  creatorId: string,
  collaborationId: string,
  input: CollaborationCostsInput,
): Promise<void> {
  const { count } = await db.collaboration.updateMany({ where: { shop, creatorId, id: collaborationId }, data: input });
  if (count === 0) throw new Response("Not found", { status: 404 });
}
