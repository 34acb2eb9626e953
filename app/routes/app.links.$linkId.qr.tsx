// The QR code of a creator's short link, as SVG or PNG, for print and stories. Resource route.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAdminContext } from "../auth/admin-context.server";
import { badRequest } from "../http/read-request-body.server";
import { renderLinkQrCode } from "../services/render-link-qr-code.server";

const query = z.object({ format: z.enum(["svg", "png"]).default("svg") });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw badRequest("format must be svg or png");
  const file = await renderLinkQrCode(shop, params.linkId ?? "", parsed.data.format);
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
