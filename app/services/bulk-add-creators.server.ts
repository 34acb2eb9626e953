// Adding many creators to a campaign at once (up to 500): the collaborations are written in one transaction, then
// each creator's code and link are provisioned through a bounded queue, so the Admin API bucket is shared instead of
// flooded. Every creator gets its own outcome; a failed one leaves nothing half-made and can simply be sent again
// (provisioning is idempotent, so creators that succeeded are not given a second code).
import { requireCampaign } from "../models/campaign.server";
import { MAX_CREATORS_PER_ADD, upsertCollaborations } from "../models/collaboration.server";
import { createThrottledQueue } from "../shopify/admin-api.server";
import type { AdminApi } from "../shopify/admin-api.server";
import { safeDestinationPath } from "../domain/links";
import { CodeOperationError, errorMessage, type CodeOperationReason } from "./code-operation-error.server";
import { provisionCreatorCode } from "./provision-creator-code.server";

export type BulkAddCreatorsInput = {
  campaignId: string;
  creatorIds: ReadonlyArray<string>;
  /** Landing path of the new links; absent means "/". */
  destinationPath?: string | null;
  /** Code typed by staff; only allowed when adding a single creator. */
  codeText?: string | null;
  /** Codes created at once; the AdminApi waits out throttling for all of them. Default 4. */
  concurrency?: number;
};

export type BulkAddCreatorResult =
  | {
      creatorId: string;
      collaborationId: string;
      ok: true;
      codeId: string;
      code: string;
      codeState: string;
      linkId: string;
      /** False when the creator already had a code in this campaign. */
      created: boolean;
    }
  | { creatorId: string; collaborationId: string; ok: false; reason: CodeOperationReason; detail: string };

export const DEFAULT_BULK_CONCURRENCY = 4;

/**
 * Adds creators to a campaign and gives each a unique code and a tracked link. Another shop's campaign or creator is
 * a 404 with nothing written; otherwise returns one result per distinct creator, in the order given.
 */
export async function bulkAddCreators(shop: string, admin: AdminApi, input: BulkAddCreatorsInput): Promise<BulkAddCreatorResult[]> {
  // Another shop's campaign is a 404 before anything about the request is judged.
  await requireCampaign(shop, input.campaignId);
  const creatorIds = [...new Set(input.creatorIds)];
  if (creatorIds.length > MAX_CREATORS_PER_ADD) {
    throw new RangeError(`At most ${MAX_CREATORS_PER_ADD} creators can be added at once, got ${creatorIds.length}.`);
  }
  if (input.codeText?.trim() && creatorIds.length > 1) {
    throw new CodeOperationError("invalid_code", "A typed code can only be given to one creator.");
  }
  if (input.destinationPath?.trim()) {
    const checked = safeDestinationPath(input.destinationPath);
    if (!checked.ok) throw new CodeOperationError("invalid_destination", checked.reason);
  }
  const collaborations = await upsertCollaborations(shop, input.campaignId, creatorIds);
  const queue = createThrottledQueue({ concurrency: input.concurrency ?? DEFAULT_BULK_CONCURRENCY });
  const settled = await queue.settleAll(collaborations, (collaboration) =>
    provisionCreatorCode(shop, admin, {
      collaborationId: collaboration.id,
      destinationPath: input.destinationPath ?? null,
      codeText: input.codeText ?? null,
    }),
  );
  return settled.map((outcome): BulkAddCreatorResult => {
    const { id: collaborationId, creatorId } = outcome.item;
    if (outcome.ok) {
      const { code, link, created } = outcome.value;
      return { creatorId, collaborationId, ok: true, codeId: code.id, code: code.code, codeState: code.state, linkId: link.id, created };
    }
    const error = outcome.error;
    if (error instanceof CodeOperationError) return { creatorId, collaborationId, ok: false, reason: error.reason, detail: error.detail };
    console.error(`Creator ROI: provisioning creator ${creatorId} in campaign ${input.campaignId} of ${shop} failed`, error);
    return { creatorId, collaborationId, ok: false, reason: "unexpected", detail: errorMessage(error) };
  });
}
