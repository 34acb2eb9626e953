import { BlockStack, Card, EmptyState, Layout, List, Text } from "@shopify/polaris";
import type { ShopOverview } from "~/queries/get-shop-overview.server";
import { useI18n } from "../../i18n/i18n-context";

/** The dashboard before there is anything to measure: what is set up so far and what to do next. */
export function GettingStartedCard({ overview }: { overview: ShopOverview }) {
  const { t, locale } = useI18n();
  const when = overview.lastOrderEventAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: overview.ianaTimezone }).format(
        new Date(overview.lastOrderEventAt),
      )
    : null;
  return (
    <>
      <Layout.Section>
        <Card>
          <BlockStack gap="300">
            <Text as="h2" variant="headingMd">
              {t("dashboard.setupTitle")}
            </Text>
            <Text as="p" tone="subdued">
              {t("dashboard.setupDescription")}
            </Text>
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
      <Layout.Section>
        <Card>
          {overview.creators === 0 ? (
            <EmptyState heading={t("dashboard.emptyHeading")} image="">
              <p>{t("dashboard.emptyBody")}</p>
            </EmptyState>
          ) : (
            <EmptyState heading={t("analytics.empty.noSalesHeading")} image="">
              <p>{t("analytics.empty.noSalesBody")}</p>
            </EmptyState>
          )}
        </Card>
      </Layout.Section>
    </>
  );
}
