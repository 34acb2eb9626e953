import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Layout, Page } from "@shopify/polaris";
import { z } from "zod";
import { requireAdminContext } from "../auth/admin-context.server";
import { BackfillStatus } from "../components/BackfillStatus";
import { DataRequestsCard } from "../components/DataRequestsCard";
import { RecentOrdersCard } from "../components/RecentOrdersCard";
import { useI18n } from "../i18n/i18n-context";
import { startOrderBackfillNow } from "../ingest/backfill-orders.server";
import { formatOrderHistoryStatus, getOrderHistoryStatus } from "../queries/get-order-history-status.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, locale } = await requireAdminContext(request);
  return json(formatOrderHistoryStatus(await getOrderHistoryStatus(shop), locale));
}

const actionSchema = z.object({ intent: z.literal("start") });

export async function action({ request }: ActionFunctionArgs) {
  const { shop, admin } = await requireAdminContext(request);
  const parsed = actionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return json({ started: false }, { status: 400 });
  const run = await startOrderBackfillNow(shop, admin);
  return json({ started: run.status !== "failed" });
}

// Order history: the install-time import of past orders, its reach under the granted scopes, the reconciliation
// watermark, and the customers' data requests to hand on.
export default function OrderHistoryPage() {
  const status = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <Page title={t("history.title")} subtitle={t("history.subtitle")}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <BackfillStatus status={status} />
            <RecentOrdersCard orders={status.recentOrders} />
            <DataRequestsCard requests={status.dataRequests} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
