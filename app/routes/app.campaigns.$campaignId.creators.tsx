// The creators of a campaign (their codes and links) and adding creators to it: the data behind
// CampaignCreatorsSection. Resource route: the campaign page renders the section, which fetches this.
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { requireAdminContext } from "../auth/admin-context.server";
import { answerCodeOperation } from "../http/code-operation-response.server";
import { badRequest, readRequestBody } from "../http/read-request-body.server";
import { MAX_CREATORS_PER_ADD } from "../models/collaboration.server";
import { getCampaignCreators } from "../queries/get-campaign-creators.server";
import { bulkAddCreators } from "../services/bulk-add-creators.server";

const pickerQuery = z.object({
  q: z.string().max(200).default(""),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

const addCreators = z.object({
  creatorIds: z.array(z.string().min(1).max(64)).min(1).max(MAX_CREATORS_PER_ADD),
  destinationPath: z.string().max(4096).nullish(),
  code: z.string().max(255).nullish(),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const query = pickerQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) throw badRequest(query.error.issues[0]?.message ?? "invalid query");
  return json(await getCampaignCreators(shop, params.campaignId ?? "", { query: query.data.q, page: query.data.page }));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { shop, admin } = await requireAdminContext(request);
  const body = addCreators.safeParse(await readRequestBody(request));
  if (!body.success) throw badRequest(body.error.issues[0]?.message ?? "invalid body");
  return answerCodeOperation(() =>
    bulkAddCreators(shop, admin, {
      campaignId: params.campaignId ?? "",
      creatorIds: body.data.creatorIds,
      destinationPath: body.data.destinationPath ?? null,
      codeText: body.data.code ?? null,
    }),
  );
}
