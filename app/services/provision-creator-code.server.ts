// A creator's code and link for one collaboration, created in Shopify and here together.
//
// The rule is "never a half state": a discount that exists in Shopify always has its row here, and a row here always
// names a discount that exists (or is flagged needs_repair for the repair job). Shopify is written first, because its
// answer (TAKEN, a refusal) decides what we record; if recording then fails, the Shopify discount is deleted again;
// if that delete fails too, the row is stored flagged needs_repair, or, when even that write fails, the discount is
// queued as an orphan for the repair job to delete. A mutation whose answer was lost may have been applied, so it is
// looked up and removed the same way before staff are told it failed.
import { randomBytes } from "node:crypto";
import type { Campaign, CreatorPlatform, DiscountCode, TrackedLink } from "../generated/prisma/client";
import {
  codeKey,
  findFreeCode,
  InvalidDiscountValueError,
  NoFreeCodeError,
  normalizeCodeText,
  suggestDiscountCode,
  type DiscountValue,
} from "../domain/codes";
import { isPlatform, PLATFORMS, type Platform } from "../domain/creators";
import { buildUtm, generateLinkSlug, LinkError, safeDestinationPath } from "../domain/links";
import { minorToDecimal } from "../domain/money";
import { enqueueDiscountCodeRepair } from "../jobs/repair-discount-codes.server";
import { requireCollaboration, type CollaborationForProvisioning } from "../models/collaboration.server";
import { createDiscountCode, isDiscountCodeRecorded, listLiveCodesOfCollaboration } from "../models/discount-code.server";
import { getShop } from "../models/shop.server";
import {
  createTrackedLink,
  getTrackedLinkOfCollaboration,
  SlugTakenError,
  updateTrackedLinkDestination,
} from "../models/tracked-link.server";
import type { AdminApi } from "../shopify/admin-api.server";
import { createBasicDiscountCode, type BasicDiscountCodeInput, type CreatedDiscountCode } from "../shopify/create-discount-code.server";
import { deleteDiscount } from "../shopify/delete-discount.server";
import { findDiscountByCode } from "../shopify/find-discount-by-code.server";
import { ShopifyNetworkError, ShopifyUserError } from "../shopify/shopify-errors.server";
import { CodeOperationError, errorMessage, reasonOfShopifyError } from "./code-operation-error.server";

export type ProvisionCreatorCodeInput = {
  collaborationId: string;
  /** Code typed by staff; absent or blank means the suggestion from the handle and the campaign's discount. */
  codeText?: string | null;
  /** Same-shop path the link lands on; absent keeps the link's path ("/" for a new link). */
  destinationPath?: string | null;
  /** Make a new code even though the collaboration already has one (replacing a code). */
  evenIfCodeExists?: boolean;
};

export type ProvisionedCreatorCode = {
  code: DiscountCode;
  link: TrackedLink;
  /** False when the collaboration already had a code and it was returned as is. */
  created: boolean;
};

/** Tries after Shopify says TAKEN for a code our checks thought free (another app or staff took it meanwhile). */
const MAX_TAKEN_RETRIES = 5;
const MAX_SLUG_DRAWS = 5;
const MAX_TITLE_LENGTH = 255;

/** Title of a creator's discount in the Shopify admin: "Creator ROI · <campaign> · <handle>". */
export function discountTitle(campaignName: string, handle: string): string {
  const suffix = ` · ${handle}`;
  const prefix = "Creator ROI · ";
  const room = MAX_TITLE_LENGTH - prefix.length - suffix.length;
  const name = [...campaignName.trim()].slice(0, Math.max(0, room)).join("");
  return `${prefix}${name}${suffix}`;
}

/** The creator's main platform (largest audience, ties in the usual platform order); "other" when none is known. */
export function mainPlatform(platforms: ReadonlyArray<Pick<CreatorPlatform, "platform" | "followers">>): Platform {
  let best: { platform: Platform; followers: number } | null = null;
  for (const entry of platforms) {
    if (!isPlatform(entry.platform)) continue;
    const better =
      best === null ||
      entry.followers > best.followers ||
      (entry.followers === best.followers && PLATFORMS.indexOf(entry.platform) < PLATFORMS.indexOf(best.platform));
    if (better) best = { platform: entry.platform, followers: entry.followers };
  }
  return best?.platform ?? "other";
}

/**
 * Gives a collaboration its tracked link and its unique discount code, created in Shopify with the campaign's terms.
 * Idempotent: a collaboration that already has a live code gets it back (created: false) unless evenIfCodeExists.
 * Throws CodeOperationError (nothing stored in either place) or a 404 Response for another shop's collaboration.
 */
export async function provisionCreatorCode(
  shop: string,
  admin: AdminApi,
  input: ProvisionCreatorCodeInput,
): Promise<ProvisionedCreatorCode> {
  const collaboration = await requireCollaboration(shop, input.collaborationId);
  const destination = checkDestination(input.destinationPath);
  const typedCode = input.codeText?.trim() ? checkCodeText(input.codeText) : null;
  const link = await ensureTrackedLink(shop, collaboration, destination);

  if (!input.evenIfCodeExists) {
    const [existing] = await listLiveCodesOfCollaboration(shop, collaboration.id);
    if (existing) return { code: existing, link, created: false };
  }

  const shopRow = await getShop(shop);
  const currency = shopRow?.currencyCode ?? "USD";
  const value = discountValue(collaboration.campaign, currency);
  const base = typedCode ?? suggestedCode(collaboration.creator.handle, value);
  const title = discountTitle(collaboration.campaign.name, collaboration.creator.handle);
  const terms = discountTerms(collaboration.campaign, value, currency, title);
  const created = await createInShopify(shop, admin, base, terms);
  const code = await recordCreatedCode(shop, admin, collaboration, created, title);
  return { code, link, created: true };
}

function checkDestination(path: string | null | undefined): string | null {
  if (path === undefined || path === null || path.trim() === "") return null;
  const checked = safeDestinationPath(path);
  if (!checked.ok) throw new CodeOperationError("invalid_destination", checked.reason);
  return checked.path;
}

function checkCodeText(text: string): string {
  const checked = normalizeCodeText(text);
  if (!checked.ok) throw new CodeOperationError("invalid_code", checked.message);
  return checked.code;
}

function discountValue(campaign: Pick<Campaign, "discountType" | "discountValue">, currency: string): DiscountValue {
  if (campaign.discountType === "percentage") return { type: "percentage", percent: campaign.discountValue };
  if (campaign.discountType === "fixed_amount") return { type: "fixed_amount", amountMinor: campaign.discountValue, currency };
  throw new CodeOperationError("invalid_discount", `Unknown discount type ${JSON.stringify(campaign.discountType)}.`);
}

function suggestedCode(handle: string, value: DiscountValue): string {
  try {
    return suggestDiscountCode({ handle, value });
  } catch (error) {
    if (error instanceof InvalidDiscountValueError) throw new CodeOperationError("invalid_discount", error.message);
    throw error;
  }
}

type DiscountTerms = Omit<BasicDiscountCodeInput, "code">;

function discountTerms(campaign: Campaign, value: DiscountValue, currency: string, title: string): DiscountTerms {
  const startsAt = campaign.startsAt ?? new Date();
  if (campaign.endsAt && campaign.endsAt.getTime() <= startsAt.getTime()) {
    throw new CodeOperationError("invalid_discount", "The campaign ends before it starts.");
  }
  return {
    title,
    startsAt,
    endsAt: campaign.endsAt,
    value:
      value.type === "percentage"
        ? { kind: "percentage", percentage: value.percent / 100 }
        : { kind: "fixed_amount", amount: minorToDecimal(value.amountMinor, currency) },
    minimumSubtotal: campaign.minimumOrderMinor != null && campaign.minimumOrderMinor > 0 ? minorToDecimal(campaign.minimumOrderMinor, currency) : null,
    appliesOncePerCustomer: campaign.oncePerCustomer,
    usageLimit: campaign.usageLimit,
    combinesWith: {
      orderDiscounts: campaign.combinesWithOrder,
      productDiscounts: campaign.combinesWithProduct,
      shippingDiscounts: campaign.combinesWithShipping,
    },
  };
}

/** The link of the collaboration, created on first need; a destination given by staff replaces the current one. */
async function ensureTrackedLink(
  shop: string,
  collaboration: CollaborationForProvisioning,
  destination: string | null,
): Promise<TrackedLink> {
  const existing = await getTrackedLinkOfCollaboration(shop, collaboration.id);
  if (existing) {
    if (destination === null || destination === existing.destinationPath) return existing;
    return updateTrackedLinkDestination(shop, existing.id, destination);
  }
  let utm;
  try {
    utm = buildUtm({
      platform: mainPlatform(collaboration.creator.platforms),
      campaignSlug: collaboration.campaign.slug,
      creatorHandle: collaboration.creator.handle,
    });
  } catch (error) {
    if (error instanceof LinkError) throw new CodeOperationError("invalid_link", error.message);
    throw error;
  }
  for (let draw = 1; ; draw += 1) {
    try {
      return await createTrackedLink(shop, {
        collaborationId: collaboration.id,
        creatorId: collaboration.creatorId,
        campaignId: collaboration.campaignId,
        slug: generateLinkSlug((size) => randomBytes(size)),
        destinationPath: destination ?? "/",
        utm,
      });
    } catch (error) {
      // 62^8 slugs: a collision is rare; a run of them means something else is wrong.
      if (!(error instanceof SlugTakenError) || draw >= MAX_SLUG_DRAWS) throw error;
    }
  }
}

/**
 * Creates the discount under the first free candidate of `base`: free here (any case, deleted codes included) and
 * in Shopify. Shopify's TAKEN moves on to the next candidate; any other failure throws with nothing created.
 */
async function createInShopify(shop: string, admin: AdminApi, base: string, terms: DiscountTerms): Promise<CreatedDiscountCode> {
  const refused = new Set<string>();
  const isTaken = async (candidate: string) => {
    if (refused.has(codeKey(candidate))) return true;
    if (await isDiscountCodeRecorded(shop, candidate)) return true;
    try {
      return (await findDiscountByCode(admin, candidate)) !== null;
    } catch (error) {
      throw reasonOfShopifyError(error) ?? error;
    }
  };
  for (let attempt = 0; ; attempt += 1) {
    let code: string;
    try {
      code = await findFreeCode(base, isTaken);
    } catch (error) {
      if (error instanceof NoFreeCodeError) throw new CodeOperationError("no_free_code", error.message);
      throw error;
    }
    try {
      return await createBasicDiscountCode(admin, { ...terms, code });
    } catch (error) {
      if (error instanceof ShopifyUserError && error.hasCode("TAKEN") && attempt < MAX_TAKEN_RETRIES) {
        refused.add(codeKey(code));
        continue;
      }
      if (error instanceof ShopifyNetworkError && error.mayHaveBeenApplied) {
        await removeIfCreatedDespiteLostAnswer(shop, admin, code, terms.title);
      }
      throw reasonOfShopifyError(error) ?? error;
    }
  }
}

/**
 * The answer to our create was lost: the discount may exist. If it does and carries our title, delete it; if that
 * cannot be checked or done now, the repair job gets it as an orphan. Either way nothing of it stays recorded.
 */
async function removeIfCreatedDespiteLostAnswer(shop: string, admin: AdminApi, code: string, title: string): Promise<void> {
  try {
    const found = await findDiscountByCode(admin, code);
    if (!found || found.title !== title) return;
    try {
      await deleteDiscount(admin, found.discountId);
    } catch {
      await queueOrphan(shop, { code, discountId: found.discountId, title });
    }
  } catch {
    await queueOrphan(shop, { code, discountId: null, title });
  }
}

async function queueOrphan(shop: string, orphan: { code: string; discountId: string | null; title: string }): Promise<boolean> {
  try {
    await enqueueDiscountCodeRepair(shop, [orphan]);
    return true;
  } catch (error) {
    // Nothing else can record it: say so loudly, with what an operator needs to delete it by hand.
    console.error(
      `Creator ROI: discount ${orphan.discountId ?? "(id unknown)"} with code ${orphan.code} may exist in ${shop} without a record; ` +
        `delete it in the Shopify admin. Cause: ${errorMessage(error)}`,
    );
    return false;
  }
}

/** Records the discount Shopify created; when that fails, undoes it in Shopify or leaves it for the repair job. */
async function recordCreatedCode(
  shop: string,
  admin: AdminApi,
  collaboration: CollaborationForProvisioning,
  created: CreatedDiscountCode,
  title: string,
): Promise<DiscountCode> {
  const row = {
    collaborationId: collaboration.id,
    creatorId: collaboration.creatorId,
    campaignId: collaboration.campaignId,
    code: created.code,
    shopifyDiscountId: created.discountId,
    valueType: collaboration.campaign.discountType === "fixed_amount" ? ("fixed_amount" as const) : ("percentage" as const),
    value: collaboration.campaign.discountValue,
  };
  try {
    // A campaign that has already ended gives a code Shopify reports EXPIRED: it is recorded as paused.
    return await createDiscountCode(shop, { ...row, state: created.status === "EXPIRED" ? "inactive" : "active" });
  } catch (saveError) {
    try {
      await deleteDiscount(admin, created.discountId);
      throw new CodeOperationError(
        "not_saved",
        `The code could not be saved here (${errorMessage(saveError)}), so it was removed from Shopify again.`,
      );
    } catch (undoError) {
      if (undoError instanceof CodeOperationError) throw undoError;
      const lastError = `Created in Shopify but not saved here (${errorMessage(saveError)}); removing it failed (${errorMessage(undoError)}).`;
      try {
        await createDiscountCode(shop, { ...row, state: "needs_repair", lastError });
        await enqueueDiscountCodeRepair(shop).catch(() => undefined);
      } catch {
        await queueOrphan(shop, { code: created.code, discountId: created.discountId, title });
      }
      throw new CodeOperationError("not_saved", `${lastError} It will be repaired automatically.`);
    }
  }
}
