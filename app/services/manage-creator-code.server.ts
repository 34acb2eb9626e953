// Pause, resume, delete or replace a creator's code in Shopify and here together. Same rule as provisioning: never a
// half state. Shopify is changed first; if recording the change here then fails, the Shopify change is undone; if
// the undo fails (or Shopify's answer was lost, so nobody knows what happened), the row is flagged needs_repair and
// the repair job makes it match Shopify. A delete cannot be undone, so its failed record is always left to the job.
import type { DiscountCode } from "../generated/prisma/client";
import { enqueueDiscountCodeRepair } from "../jobs/repair-discount-codes.server";
import { requireDiscountCode, updateDiscountCodeState, type DiscountCodeState } from "../models/discount-code.server";
import type { AdminApi } from "../shopify/admin-api.server";
import { deleteDiscount } from "../shopify/delete-discount.server";
import { findDiscountByCode } from "../shopify/find-discount-by-code.server";
import { setDiscountActive } from "../shopify/set-discount-active.server";
import { ShopifyNetworkError, ShopifyUserError } from "../shopify/shopify-errors.server";
import { CodeOperationError, errorMessage, reasonOfShopifyError } from "./code-operation-error.server";
import { provisionCreatorCode, type ProvisionedCreatorCode } from "./provision-creator-code.server";

function assertChangeable(code: DiscountCode): string {
  if (code.state === "deleted") throw new CodeOperationError("code_deleted", `${code.code} was deleted.`);
  if (code.state === "needs_repair" || !code.shopifyDiscountId) {
    throw new CodeOperationError("code_being_repaired", code.lastError ?? `${code.code} is being repaired.`);
  }
  return code.shopifyDiscountId;
}

/**
 * Flags a code whose Shopify state is unknown or differs from its row, for the repair job; if even that write fails,
 * a repair run is queued anyway (it only fixes flagged rows, so the failure is logged for an operator).
 */
async function flagForRepair(shop: string, code: DiscountCode, lastError: string): Promise<void> {
  try {
    await updateDiscountCodeState(shop, code.id, { from: code.state as DiscountCodeState, to: "needs_repair", lastError });
  } catch (error) {
    console.error(`Creator ROI: code ${code.code} of ${shop} disagrees with Shopify and could not be flagged: ${errorMessage(error)}`);
  }
  await enqueueDiscountCodeRepair(shop).catch(() => undefined);
}

/**
 * Pauses (active=false) or resumes (active=true) a creator's code in Shopify, then here. Already in that state: no
 * call is made. Another shop's id is a 404. Throws CodeOperationError with both places unchanged, or flagged.
 */
export async function setCreatorCodeActive(shop: string, admin: AdminApi, codeId: string, active: boolean): Promise<DiscountCode> {
  const code = await requireDiscountCode(shop, codeId);
  const target: DiscountCodeState = active ? "active" : "inactive";
  if (code.state === target) return code;
  const discountId = assertChangeable(code);
  try {
    await setDiscountActive(admin, discountId, active);
  } catch (error) {
    if (error instanceof ShopifyNetworkError && error.mayHaveBeenApplied) {
      await flagForRepair(shop, code, `Shopify's answer to ${active ? "resuming" : "pausing"} was lost.`);
    }
    throw reasonOfShopifyError(error) ?? error;
  }
  let saved: DiscountCode | null = null;
  let saveError: unknown = null;
  try {
    saved = await updateDiscountCodeState(shop, code.id, { from: code.state as DiscountCodeState, to: target });
  } catch (error) {
    saveError = error;
  }
  if (saved) return saved;
  const why = saveError ? errorMessage(saveError) : "the code was changed by someone else meanwhile";
  try {
    await setDiscountActive(admin, discountId, !active);
  } catch (undoError) {
    await flagForRepair(shop, code, `Changed in Shopify but not here (${why}); undoing it failed (${errorMessage(undoError)}).`);
    throw new CodeOperationError("not_saved", `The change could not be saved here (${why}). It will be repaired automatically.`);
  }
  throw new CodeOperationError("not_saved", `The change could not be saved here (${why}), so it was undone in Shopify.`);
}

/**
 * Deletes a creator's code from Shopify, then marks it deleted here (the row stays so that orders which used it are
 * still credited). A discount already gone from Shopify is simply marked deleted. Another shop's id is a 404.
 */
export async function deleteCreatorCode(shop: string, admin: AdminApi, codeId: string): Promise<DiscountCode> {
  const code = await requireDiscountCode(shop, codeId);
  if (code.state === "deleted") return code;
  const discountId = assertChangeable(code);
  try {
    await deleteDiscount(admin, discountId);
  } catch (error) {
    if (error instanceof ShopifyNetworkError && error.mayHaveBeenApplied) {
      await flagForRepair(shop, code, "Shopify's answer to deleting was lost.");
      throw reasonOfShopifyError(error) ?? error;
    }
    if (!(error instanceof ShopifyUserError) || (await stillInShopify(admin, code.code, discountId))) {
      throw reasonOfShopifyError(error) ?? error;
    }
    // Refused because it no longer exists (deleted in the Shopify admin): recording that is all there is to do.
  }
  try {
    const saved = await updateDiscountCodeState(shop, code.id, { from: code.state as DiscountCodeState, to: "deleted" });
    if (saved) return saved;
    throw new Error("the code was changed by someone else meanwhile");
  } catch (error) {
    await flagForRepair(shop, code, `Deleted in Shopify but not marked here (${errorMessage(error)}).`);
    throw new CodeOperationError("not_saved", `The deletion could not be saved here (${errorMessage(error)}). It will be repaired automatically.`);
  }
}

async function stillInShopify(admin: AdminApi, code: string, discountId: string): Promise<boolean> {
  try {
    const found = await findDiscountByCode(admin, code);
    return found !== null && found.discountId === discountId;
  } catch {
    return true;
  }
}

export type ReplacedCreatorCode = ProvisionedCreatorCode & {
  /** Why the old code could not be deleted; it then stays live beside the new one and staff may delete it again. */
  oldCodeError: CodeOperationError | null;
};

/**
 * Replaces a creator's code with one staff typed: the new code is created first (so the creator is never without
 * one), then the old one is deleted. Another shop's id is a 404.
 */
export async function replaceCreatorCode(shop: string, admin: AdminApi, codeId: string, codeText: string): Promise<ReplacedCreatorCode> {
  const old = await requireDiscountCode(shop, codeId);
  if (old.state === "deleted") throw new CodeOperationError("code_deleted", `${old.code} was deleted.`);
  if (!codeText.trim()) throw new CodeOperationError("invalid_code", "Enter a discount code.");
  const created = await provisionCreatorCode(shop, admin, { collaborationId: old.collaborationId, codeText, evenIfCodeExists: true });
  try {
    await deleteCreatorCode(shop, admin, old.id);
    return { ...created, oldCodeError: null };
  } catch (error) {
    if (error instanceof CodeOperationError) return { ...created, oldCodeError: error };
    throw error;
  }
}

export type CreatorCodeCommand =
  | { intent: "deactivate" }
  | { intent: "reactivate" }
  | { intent: "delete" }
  | { intent: "replace"; code: string };

export type CreatorCodeCommandResult = { code: DiscountCode; replacedBy: DiscountCode | null; warning: CodeOperationError | null };

/** Runs one staff command on a code (pause, resume, delete, replace with a typed code); another shop's id is a 404. */
export async function runCreatorCodeCommand(
  shop: string,
  admin: AdminApi,
  codeId: string,
  command: CreatorCodeCommand,
): Promise<CreatorCodeCommandResult> {
  switch (command.intent) {
    case "deactivate":
      return { code: await setCreatorCodeActive(shop, admin, codeId, false), replacedBy: null, warning: null };
    case "reactivate":
      return { code: await setCreatorCodeActive(shop, admin, codeId, true), replacedBy: null, warning: null };
    case "delete":
      return { code: await deleteCreatorCode(shop, admin, codeId), replacedBy: null, warning: null };
    case "replace": {
      const replaced = await replaceCreatorCode(shop, admin, codeId, command.code);
      return { code: replaced.code, replacedBy: replaced.code, warning: replaced.oldCodeError };
    }
  }
}
