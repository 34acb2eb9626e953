import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Page } from "@shopify/polaris";
import { requireAdminContext } from "../../auth/admin-context.server";
import { withLocale } from "../../components/AdminFrame";
import { CampaignForm } from "../../components/campaigns/CampaignForm";
import { campaignFieldErrors, campaignInputSchema, type CampaignFormState } from "../../domain/campaigns";
import { useI18n } from "../../i18n/i18n-context";
import { createCampaign, getCampaignFormContext } from "../../models/campaign.server";
import { formStateOf } from "../../components/campaigns/campaign-form-state";

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  return json(await getCampaignFormContext(shop));
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop, locale } = await requireAdminContext(request);
  const form = await request.formData();
  const context = await getCampaignFormContext(shop);
  const parsed = campaignInputSchema(context).safeParse(Object.fromEntries(form));
  if (!parsed.success) return json({ values: formStateOf(form), errors: campaignFieldErrors(parsed.error) }, { status: 422 });
  const campaign = await createCampaign(shop, parsed.data);
  return redirect(withLocale(`/app/campaigns/${campaign.id}?created=1`, locale));
}

const EMPTY: CampaignFormState = {
  name: "",
  objective: "sales",
  status: "active",
  startsOn: "",
  endsOn: "",
  budget: "",
  brief: "",
  discountType: "percentage",
  discountValue: "10",
  minimumOrder: "",
  oncePerCustomer: true,
  usageLimit: "",
  combinesWithOrder: false,
  combinesWithProduct: false,
  combinesWithShipping: true,
  compensationType: "gifted",
};

export default function NewCampaign() {
  const { currencyCode, timeZone } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t, locale } = useI18n();
  const initial = result?.values ?? EMPTY;
  return (
    <Page title={t("campaigns.form.newTitle")} backAction={{ content: t("campaigns.title"), url: withLocale("/app/campaigns", locale) }}>
      <BlockStack gap="400">
        {result?.errors && <Banner tone="critical">{t("campaigns.form.errorsBanner")}</Banner>}
        <CampaignForm
          key={JSON.stringify(initial)}
          initial={initial}
          errors={result?.errors ?? {}}
          currencyCode={currencyCode}
          timeZone={timeZone}
          slug={null}
          submitting={navigation.state === "submitting"}
        />
      </BlockStack>
    </Page>
  );
}

export { ResourceErrorBoundary as ErrorBoundary } from "../../components/ResourceErrorBoundary";
