import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { authenticateWebhook } from "../http/authenticate-webhook.server";
import { onBulkOperationFinished } from "../ingest/backfill-orders.server";

// Shopify reports that a bulk operation ended (completed, failed, cancelled). Reading the export takes longer than
// a webhook may, so an import job is queued and the delivery answered at once; the job asks Shopify for the
// operation's state itself (the payload's status is not trusted further than the operation id).
const payloadSchema = z.object({
  admin_graphql_api_id: z.string().regex(/^gid:\/\/shopify\/BulkOperation\/\d+$/),
  status: z.string(),
});

export async function action({ request }: ActionFunctionArgs) {
  const { shop, payload } = await authenticateWebhook(request);
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return new Response("Malformed bulk_operations/finish payload", { status: 400 });
  await onBulkOperationFinished(shop, parsed.data.admin_graphql_api_id);
  return new Response(null, { status: 200 });
}
