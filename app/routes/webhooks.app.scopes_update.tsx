import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { updateSessionScopes } from "../models/shop.server";
import { authenticateWebhook } from "../http/authenticate-webhook.server";

const payloadSchema = z.object({ current: z.array(z.string()) });

export async function action({ request }: ActionFunctionArgs) {
  const { shop, payload } = await authenticateWebhook(request);
  const parsed = payloadSchema.safeParse(payload);
  if (!parsed.success) return new Response("Malformed app/scopes_update payload", { status: 400 });
  await updateSessionScopes(shop, parsed.data.current);
  return new Response(null, { status: 200 });
}
