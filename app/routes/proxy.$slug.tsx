// A creator's short link: Shopify's app proxy forwards https://<shop>/<prefix>/<subpath>/<slug> here as
// /proxy/<slug> with a signed query (shopify.app.toml [app_proxy]). Resource route: no page of its own.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticateAppProxy } from "../http/authenticate-app-proxy.server";
import { proxyVisitor } from "../http/proxy-visitor.server";
import { linkProxyResponse } from "../http/link-proxy-response.server";
import { followTrackedLink } from "../services/follow-tracked-link.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await authenticateAppProxy(request);
  const outcome = await followTrackedLink(shop, params.slug ?? "", proxyVisitor(request));
  return linkProxyResponse(outcome, request);
}
