// Analytics settings: the attribution model and window that credit sales to creators, and the default margin used
// where Shopify has no unit cost. A new model or window rebuilds the rollups in the background (job
// "rebuild-rollups", run by ingestion); its progress shows here. Product costs: how many variants have a unit cost
// read from Shopify, and a button that reads them again now (the sync also runs daily).
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, FormLayout, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { ATTRIBUTION_MODELS } from "../domain/attribution";
import { withLocale } from "../components/AdminFrame";
import { requireAdminContext } from "../auth/admin-context.server";
import { useI18n } from "../i18n/i18n-context";
import { requestVariantCostSync } from "../jobs/sync-variant-costs.server";
import { getRollupRebuildStatus, getShopSettings, updateShopSettings } from "../models/settings.server";
import { variantCostSummary } from "../models/variant-cost.server";
import { MAX_WINDOW_DAYS, MIN_WINDOW_DAYS, parseSettingsForm, type SettingsField } from "../queries/settings-input";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const [settings, rebuild, costs] = await Promise.all([getShopSettings(shop), getRollupRebuildStatus(shop), variantCostSummary(shop)]);
  return json({ settings, rebuild, costs });
}

type ActionData =
  | { ok: true; rebuildRequested: boolean }
  | { ok: true; costSyncRequested: true }
  | { ok: false; errors: Partial<Record<SettingsField, string>> };

export async function action({ request }: ActionFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const form = Object.fromEntries(await request.formData());
  if (form.intent === "syncCosts") {
    await requestVariantCostSync(shop);
    return json<ActionData>({ ok: true, costSyncRequested: true });
  }
  const parsed = parseSettingsForm({
    attributionModel: typeof form.attributionModel === "string" ? form.attributionModel : undefined,
    attributionWindowDays: typeof form.attributionWindowDays === "string" ? form.attributionWindowDays : undefined,
    defaultMargin: typeof form.defaultMargin === "string" ? form.defaultMargin : undefined,
  });
  if (!parsed.ok) return json<ActionData>({ ok: false, errors: parsed.errors }, { status: 422 });
  const result = await updateShopSettings(shop, parsed.value);
  return json<ActionData>({ ok: true, rebuildRequested: result.rebuildRequested });
}

function RebuildStatus() {
  const { rebuild, settings } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const revalidator = useRevalidator();
  const active = rebuild?.status === "pending" || rebuild?.status === "running";
  useEffect(() => {
    if (!active) return;
    // While the rebuild runs, check on it every few seconds.
    const timer = setInterval(() => revalidator.revalidate(), 5_000);
    return () => clearInterval(timer);
  }, [active, revalidator]);
  if (!rebuild) return null;
  const when = (iso: string) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: settings.ianaTimezone }).format(new Date(iso));
  switch (rebuild.status) {
    case "pending":
    case "running":
      return (
        <Banner tone="info" title={t(`analytics.settings.rebuild.${rebuild.status}Title`)}>
          <span data-rebuild-status={rebuild.status}>{t("analytics.settings.rebuild.active", { when: when(rebuild.requestedAt) })}</span>
        </Banner>
      );
    case "failed":
      return (
        <Banner tone="critical" title={t("analytics.settings.rebuild.failedTitle")}>
          <span data-rebuild-status="failed">{t("analytics.settings.rebuild.failed", { error: rebuild.lastError ?? "?", attempts: rebuild.attempts })}</span>
        </Banner>
      );
    default:
      return (
        <Banner tone="success">
          <span data-rebuild-status={rebuild.status}>{t("analytics.settings.rebuild.done", { when: when(rebuild.updatedAt) })}</span>
        </Banner>
      );
  }
}

function ProductCosts() {
  const { costs, settings } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { t, locale } = useI18n();
  const syncing = navigation.state === "submitting" && navigation.formData?.get("intent") === "syncCosts";
  const when = costs.lastSyncedAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: settings.ianaTimezone }).format(new Date(costs.lastSyncedAt))
    : null;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("analytics.settings.costs.title")}
        </Text>
        <Text as="p">
          <span data-variant-costs={`${costs.withCost}/${costs.variants}`}>
            {costs.variants === 0 || when === null
              ? t("analytics.settings.costs.none")
              : t("analytics.settings.costs.summary", { withCost: costs.withCost, variants: costs.variants, when })}
          </span>
        </Text>
        <Text as="p" tone="subdued" variant="bodySm">
          {t("analytics.settings.costs.help")}
        </Text>
        <Form method="post">
          <input type="hidden" name="intent" value="syncCosts" />
          <Button submit loading={syncing}>
            {t("analytics.settings.costs.sync")}
          </Button>
        </Form>
      </BlockStack>
    </Card>
  );
}

export default function SettingsPage() {
  const { settings } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useI18n();
  const [model, setModel] = useState(settings.attributionModel);
  const [windowDays, setWindowDays] = useState(String(settings.attributionWindowDays));
  const [margin, setMargin] = useState(String(settings.defaultMarginBps / 100));
  const errors = result && !result.ok ? result.errors : {};
  const error = (field: SettingsField) => (errors[field] ? t(errors[field]!, { min: MIN_WINDOW_DAYS, max: MAX_WINDOW_DAYS }) : undefined);
  return (
    <Page title={t("analytics.settings.title")} backAction={{ content: t("dashboard.title"), url: withLocale("/app", locale) }}>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {result?.ok && "costSyncRequested" in result && <Banner tone="info">{t("analytics.settings.costs.requested")}</Banner>}
            {result?.ok && "rebuildRequested" in result && (
              <Banner tone="success">{t(result.rebuildRequested ? "analytics.settings.savedRebuild" : "analytics.settings.saved")}</Banner>
            )}
            {result && !result.ok && <Banner tone="critical">{t("analytics.settings.errors.banner")}</Banner>}
            <RebuildStatus />
            <Card>
              <Form method="post">
                <FormLayout>
                  <Select
                    label={t("analytics.settings.model")}
                    name="attributionModel"
                    value={model}
                    onChange={setModel}
                    options={ATTRIBUTION_MODELS.map((m) => ({ value: m, label: t(`analytics.models.${m}`) }))}
                    helpText={t(`analytics.settings.modelHelp.${model}`)}
                    error={error("attributionModel")}
                  />
                  <TextField
                    label={t("analytics.settings.window")}
                    name="attributionWindowDays"
                    type="number"
                    min={MIN_WINDOW_DAYS}
                    max={MAX_WINDOW_DAYS}
                    value={windowDays}
                    onChange={setWindowDays}
                    autoComplete="off"
                    suffix={t("analytics.settings.days")}
                    helpText={t("analytics.settings.windowHelp")}
                    error={error("attributionWindowDays")}
                  />
                  <TextField
                    label={t("analytics.settings.margin")}
                    name="defaultMargin"
                    value={margin}
                    onChange={setMargin}
                    autoComplete="off"
                    inputMode="decimal"
                    suffix="%"
                    helpText={t("analytics.settings.marginHelp")}
                    error={error("defaultMargin")}
                  />
                  <Text as="p" tone="subdued" variant="bodySm">
                    {t("analytics.settings.rebuildNote")}
                  </Text>
                  <Button submit variant="primary" loading={navigation.state === "submitting"}>
                    {t("analytics.settings.save")}
                  </Button>
                </FormLayout>
              </Form>
            </Card>
            <ProductCosts />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export { ResourceErrorBoundary as ErrorBoundary } from "../components/ResourceErrorBoundary";
