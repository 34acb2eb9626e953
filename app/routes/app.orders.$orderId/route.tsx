import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Badge, Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { z } from "zod";
import { requireAdminContext } from "../../auth/admin-context.server";
import { withLocale } from "../../components/AdminFrame";
import { useI18n } from "../../i18n/i18n-context";
import { getOrderExplanation } from "../../queries/get-order-explanation.server";
import { reassignOrder, ReassignmentError } from "../../services/reassign-order.server";
import { AttributionSignalsCard } from "./AttributionSignalsCard";
import { CreditCard } from "./CreditCard";
import { formatOrderExplanation } from "./format-order-explanation.server";
import { OrderSummaryCard } from "./OrderSummaryCard";
import { ReassignOrderCard } from "./ReassignOrderCard";

const idSchema = z.string().min(1).max(64);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdminContext(request);
  const explanation = await getOrderExplanation(shop, idSchema.parse(params.orderId));
  return json(formatOrderExplanation(explanation, locale));
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("reassign"),
    creatorId: z.string().trim().min(1, "orderDetail.errors.creatorId").max(64),
    campaignId: z
      .string()
      .trim()
      .max(64)
      .transform((value) => (value === "" ? null : value)),
  }),
  z.object({ intent: z.literal("clear") }),
]);

type ActionResult = { done: "reassigned" | "cleared" | null; error: string | null };

export async function action({ request, params }: ActionFunctionArgs) {
  const { shop, staff } = await requireAdminContext(request);
  const orderId = idSchema.parse(params.orderId);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "";
    return json<ActionResult>({ done: null, error: message.startsWith("orderDetail.") ? message : "orderDetail.errors.invalid" }, { status: 400 });
  }
  try {
    if (parsed.data.intent === "clear") {
      await reassignOrder(shop, orderId, null, staff);
      return json<ActionResult>({ done: "cleared", error: null });
    }
    await reassignOrder(shop, orderId, { creatorId: parsed.data.creatorId, campaignId: parsed.data.campaignId }, staff);
    return json<ActionResult>({ done: "reassigned", error: null });
  } catch (error) {
    if (error instanceof ReassignmentError) {
      return json<ActionResult>({ done: null, error: `orderDetail.errors.${error.field}` }, { status: 422 });
    }
    throw error;
  }
}

export default function OrderExplanationPage() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useI18n();
  const { order } = data;
  return (
    <Page
      title={t("orderDetail.title", { name: order.name })}
      subtitle={t("orderDetail.placed", { when: order.processedAt })}
      titleMetadata={
        <>
          {order.cancelled && <Badge tone="critical">{t("orderDetail.cancelled")}</Badge>}{" "}
          {order.test && <Badge>{t("orderDetail.test")}</Badge>}
        </>
      }
      backAction={{ content: t("nav.dashboard"), url: withLocale("/app", locale) }}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.done && <Banner tone="success">{t(`orderDetail.done.${result.done}`)}</Banner>}
            {result?.error && <Banner tone="critical">{t(result.error)}</Banner>}
            {data.override && (
              <Banner tone="info" title={t("orderDetail.override.title")}>
                {t("orderDetail.override.body", {
                  creator: data.override.creator,
                  campaign: data.override.campaign ?? t("orderDetail.override.noCampaign"),
                  by: data.override.by ?? t("orderDetail.override.unknownStaff"),
                  when: data.override.at ?? "",
                })}
              </Banner>
            )}
            <AttributionSignalsCard data={data} />
            <CreditCard data={data} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <BlockStack gap="400">
            <OrderSummaryCard order={order} />
            <ReassignOrderCard
              choices={data.choices}
              override={data.override}
              submitting={navigation.state === "submitting"}
              error={result?.error ?? null}
            />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export { ResourceErrorBoundary as ErrorBoundary } from "../../components/ResourceErrorBoundary";
