// Staff commands on one creator code: pause, resume, delete, or replace it with a code they type.
// Each acts in Shopify and here together (see manage-creator-code.server.ts). Resource route.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAdminContext } from "../auth/admin-context.server";
import { answerCodeOperation } from "../http/code-operation-response.server";
import { badRequest, readRequestBody } from "../http/read-request-body.server";
import { runCreatorCodeCommand } from "../services/manage-creator-code.server";

const command = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("delete") }),
  z.object({ intent: z.literal("replace"), code: z.string().max(255) }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const { shop, admin } = await requireAdminContext(request);
  const body = command.safeParse(await readRequestBody(request));
  if (!body.success) throw badRequest(body.error.issues[0]?.message ?? "invalid body");
  return answerCodeOperation(() => runCreatorCodeCommand(shop, admin, params.codeId ?? "", body.data));
}
