import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { z } from "zod";
import { requireAdminContext } from "../../auth/admin-context.server";
import { withLocale } from "../../components/AdminFrame";
import { CampaignForm, type CampaignFieldErrors } from "../../components/campaigns/CampaignForm";
import { campaignFieldErrors, campaignFormValues, campaignInputSchema, type CampaignFormState } from "../../domain/campaigns";
import { useI18n } from "../../i18n/i18n-context";
import { archiveCampaign, getCampaignFormContext, requireCampaign, unarchiveCampaign, updateCampaign } from "../../models/campaign.server";
import { formStateOf } from "../../components/campaigns/campaign-form-state";
import { CampaignCreatorsSection } from "../../components/CampaignCreatorsSection";

const idSchema = z.string().min(1).max(64);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const campaign = await requireCampaign(shop, idSchema.parse(params.campaignId));
  const context = await getCampaignFormContext(shop);
  return json({
    campaign: { id: campaign.id, name: campaign.name, slug: campaign.slug, status: campaign.status, objective: campaign.objective },
    values: campaignFormValues(campaign, context),
    ...context,
  });
}

type ActionResult = { saved: boolean; values: CampaignFormState | null; errors: CampaignFieldErrors };

export async function action({ request, params }: ActionFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const id = idSchema.parse(params.campaignId);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "archive" || intent === "unarchive") {
    await (intent === "archive" ? archiveCampaign : unarchiveCampaign)(shop, id);
    return json<ActionResult>({ saved: false, values: null, errors: {} });
  }
  if (intent !== "save") return json<ActionResult>({ saved: false, values: null, errors: {} }, { status: 400 });
  // Checked before validating, so that another shop's id answers 404 whatever the form holds.
  await requireCampaign(shop, id);
  const parsed = campaignInputSchema(await getCampaignFormContext(shop)).safeParse(Object.fromEntries(form));
  if (!parsed.success) return json<ActionResult>({ saved: false, values: formStateOf(form), errors: campaignFieldErrors(parsed.error) }, { status: 422 });
  await updateCampaign(shop, id, parsed.data);
  return json<ActionResult>({ saved: true, values: null, errors: {} });
}

export default function EditCampaign() {
  const { campaign, values, currencyCode, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const submit = useSubmit();
  const { t, locale } = useI18n();
  const archived = campaign.status === "archived";
  const initial = result?.values ?? values;
  const hasErrors = Object.keys(result?.errors ?? {}).length > 0;

  return (
    <Page
      title={campaign.name}
      subtitle={t(`campaigns.objectives.${campaign.objective}`)}
      titleMetadata={<Badge tone={campaign.status === "active" ? "success" : undefined}>{t(`campaigns.statuses.${campaign.status}`)}</Badge>}
      backAction={{ content: t("campaigns.title"), url: withLocale("/app/campaigns", locale) }}
      secondaryActions={[
        { content: t("analytics.campaign.reportLink"), url: withLocale(`/app/campaigns/${campaign.id}/report`, locale) },
        {
          content: t(archived ? "campaigns.form.unarchive" : "campaigns.form.archive"),
          destructive: !archived,
          disabled: navigation.state !== "idle",
          onAction: () => submit({ intent: archived ? "unarchive" : "archive" }, { method: "post" }),
        },
      ]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {searchParams.get("created") === "1" && !result && <Banner tone="success">{t("campaigns.form.created")}</Banner>}
            {result?.saved && <Banner tone="success">{t("campaigns.form.saved")}</Banner>}
            {hasErrors && <Banner tone="critical">{t("campaigns.form.errorsBanner")}</Banner>}
            {archived && <Banner tone="info">{t("campaigns.form.archivedBanner")}</Banner>}
            <CampaignForm
              key={JSON.stringify(initial)}
              initial={initial}
              errors={result?.errors ?? {}}
              currencyCode={currencyCode}
              timeZone={timeZone}
              slug={campaign.slug}
              submitting={navigation.state === "submitting"}
            />
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <CampaignCreatorsSection campaignId={campaign.id} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export { ResourceErrorBoundary as ErrorBoundary } from "../../components/ResourceErrorBoundary";
