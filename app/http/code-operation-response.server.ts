import { json } from "@remix-run/node";
import { CodeOperationError, INPUT_REASONS } from "../services/code-operation-error.server";

/** What a code or link action answers when it did not happen; the page shows codes.errors.<reason> and the detail. */
export type CodeOperationFailure = { ok: false; error: { reason: string; detail: string } };

/**
 * Runs an action's one call and turns a CodeOperationError into its HTTP answer: 422 for input staff can correct
 * (including Shopify refusing it), 503 when Shopify is throttling or unreachable, 500 when our write failed.
 * Anything else (a 404 Response, a bug) is rethrown untouched.
 */
export async function answerCodeOperation<T>(run: () => Promise<T>) {
  try {
    return json({ ok: true as const, result: await run() });
  } catch (error) {
    if (!(error instanceof CodeOperationError)) throw error;
    const status = INPUT_REASONS.has(error.reason) ? 422 : error.reason === "shopify_throttled" || error.reason === "shopify_unavailable" ? 503 : 500;
    return json({ ok: false as const, error: { reason: error.reason, detail: error.detail } } satisfies CodeOperationFailure, { status });
  }
}
