import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAdminContext } from "../auth/admin-context.server";
import { requireCustomerDataRequestForDownload } from "../models/customer-privacy.server";

const paramsSchema = z.object({ requestId: z.string().min(1).max(64) });

// The export of a customers/data_request, downloaded by staff to send to the customer (see
// docs/decisions/0005-privacy-webhooks.md). Another shop's request is a 404.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) throw new Response("Bad request id", { status: 400 });
  const record = await requireCustomerDataRequestForDownload(shop, parsed.data.requestId);
  return new Response(record.data, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="customer-data-request-${record.shopifyRequestId}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
