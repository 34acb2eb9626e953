import type { TrackedLink } from "../generated/prisma/client";
import { safeDestinationPath } from "../domain/links";
import { requireTrackedLink, updateTrackedLinkDestination } from "../models/tracked-link.server";
import { CodeOperationError } from "./code-operation-error.server";

/**
 * Points a tracked link at another page of the shop. The path must pass safeDestinationPath (a relative, same-shop
 * path): anything else is refused with nothing changed. Another shop's id is a 404.
 */
export async function updateLinkDestination(shop: string, linkId: string, path: string): Promise<TrackedLink> {
  await requireTrackedLink(shop, linkId);
  const checked = safeDestinationPath(path);
  if (!checked.ok) throw new CodeOperationError("invalid_destination", checked.reason);
  return updateTrackedLinkDestination(shop, linkId, checked.path);
}
