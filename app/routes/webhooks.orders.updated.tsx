import type { ActionFunctionArgs } from "@remix-run/node";
import { receiveIngestWebhook } from "../http/receive-ingest-webhook.server";

// orders/updated: stored under its webhook id and ingested in one transaction (app/ingest/webhook-inbox.server.ts).
export async function action({ request }: ActionFunctionArgs) {
  return receiveIngestWebhook(request, "orders/updated");
}
