// Staff change the page a creator's tracked link lands on. The path must stay on the shop: anything
// else is refused with 422 and nothing changed. Resource route.
import type { ActionFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAdminContext } from "../auth/admin-context.server";
import { answerCodeOperation } from "../http/code-operation-response.server";
import { badRequest, readRequestBody } from "../http/read-request-body.server";
import { updateLinkDestination } from "../services/update-link-destination.server";

const change = z.object({ destinationPath: z.string().max(4096) });

export async function action({ request, params }: ActionFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const body = change.safeParse(await readRequestBody(request));
  if (!body.success) throw badRequest(body.error.issues[0]?.message ?? "invalid body");
  return answerCodeOperation(() => updateLinkDestination(shop, params.linkId ?? "", body.data.destinationPath));
}
