// The browser side of the campaign creators section: plain fetch calls to its resource routes. Inside the Shopify
// admin, App Bridge adds the session token to every fetch to the app's own origin; in the demo none is needed.
import type { BulkAddCreatorResult } from "../services/bulk-add-creators.server";

export type ActionError = { reason: string; detail: string };
export type ActionAnswer<T> = { ok: true; result: T } | { ok: false; error: ActionError };

/** Creators sent per request while adding many: small enough for a steady progress bar, large enough to share the bucket. */
export const ADD_CHUNK_SIZE = 10;

export function campaignCreatorsUrl(campaignId: string): string {
  return `/app/campaigns/${encodeURIComponent(campaignId)}/creators`;
}

export function codeUrl(codeId: string): string {
  return `/app/codes/${encodeURIComponent(codeId)}`;
}

export function linkUrl(linkId: string): string {
  return `/app/links/${encodeURIComponent(linkId)}`;
}

export function qrCodeUrl(linkId: string, format: "svg" | "png"): string {
  return `/app/links/${encodeURIComponent(linkId)}/qr?format=${format}`;
}

/** Thrown when the app answered something other than the JSON of an action (a 404, a 400, a 500 page). */
export class RequestFailedError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/** GET a loader's JSON. */
export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new RequestFailedError(response.status);
  return (await response.json()) as T;
}

/** POST JSON to an action; a refused action (422/500/503 with an error body) resolves with ok: false. */
export async function postJson<T>(url: string, body: unknown): Promise<ActionAnswer<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  const type = response.headers.get("Content-Type") ?? "";
  if (!type.includes("application/json")) throw new RequestFailedError(response.status);
  const answer = (await response.json()) as ActionAnswer<T>;
  if (typeof answer !== "object" || answer === null || typeof answer.ok !== "boolean") throw new RequestFailedError(response.status);
  return answer;
}

export type AddCreatorsAnswer = ActionAnswer<BulkAddCreatorResult[]>;
