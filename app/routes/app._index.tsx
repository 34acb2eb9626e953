import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, EmptyState, Layout, List, Page, Text } from "@shopify/polaris";
import { requireAdminContext } from "../auth/admin-context.server";
import { useI18n } from "../i18n/i18n-context";
import { getShopOverview } from "../queries/get-shop-overview.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  return json({ overview: await getShopOverview(shop) });
}

export default function Dashboard() {
  const { overview } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const when = overview.lastOrderEventAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: overview.ianaTimezone }).format(
        new Date(overview.lastOrderEventAt),
      )
    : null;
  return (
    <Page title={t("dashboard.title")} subtitle={t("dashboard.subtitle")}>
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">{t("dashboard.setupTitle")}</Text>
              <Text as="p" tone="subdued">{t("dashboard.setupDescription")}</Text>
              <List>
                <List.Item>{t("dashboard.creators", { count: overview.creators })}</List.Item>
                <List.Item>{t("dashboard.campaigns", { count: overview.campaigns })}</List.Item>
                <List.Item>{t("dashboard.activeCodes", { count: overview.activeCodes })}</List.Item>
                <List.Item>{t("dashboard.ordersIngested", { count: overview.orders })}</List.Item>
              </List>
              <Text as="p" tone="subdued">
                {when ? t("dashboard.lastWebhook", { when }) : t("dashboard.noWebhookYet")}
              </Text>
              <Text as="p" tone="subdued">
                {t("dashboard.shopCurrency", { currency: overview.currencyCode, timeZone: overview.ianaTimezone })}
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        {overview.creators === 0 && (
          <Layout.Section>
            <Card>
              <EmptyState heading={t("dashboard.emptyHeading")} image="">
                <p>{t("dashboard.emptyBody")}</p>
              </EmptyState>
            </Card>
          </Layout.Section>
        )}
      </Layout>
    </Page>
  );
}
