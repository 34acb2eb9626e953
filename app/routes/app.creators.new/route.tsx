import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Page } from "@shopify/polaris";
import { requireAdminContext } from "../../auth/admin-context.server";
import { withLocale } from "../../components/AdminFrame";
import { CreatorForm } from "../../components/creators/CreatorForm";
import { parseCreatorForm, type CreatorFormFields } from "../../components/creators/creator-form-errors";
import { useI18n } from "../../i18n/i18n-context";
import { createCreator, DuplicateHandleError } from "../../models/creator.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdminContext(request);
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const { shop, locale } = await requireAdminContext(request);
  const parsed = parseCreatorForm(await request.formData());
  if (!parsed.ok) return json({ fields: parsed.fields, errors: parsed.errors }, { status: 422 });
  try {
    const creator = await createCreator(shop, parsed.input);
    return redirect(withLocale(`/app/creators/${creator.id}?created=1`, locale));
  } catch (error) {
    if (error instanceof DuplicateHandleError) return json({ fields: parsed.fields, errors: { handle: "creators.errors.handleTaken" } }, { status: 422 });
    throw error;
  }
}

const EMPTY: CreatorFormFields = { name: "", handle: "", email: "", notes: "", platforms: [{ platform: "instagram", followers: "", url: "" }] };

export default function NewCreator() {
  const { t, locale } = useI18n();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <Page title={t("creators.form.newTitle")} backAction={{ content: t("creators.title"), url: withLocale("/app/creators", locale) }} narrowWidth>
      <BlockStack gap="400">
        {result?.errors && <Banner tone="critical">{t("creators.form.errorsBanner")}</Banner>}
        {/* A new key per answer re-seeds the form with what was posted. */}
        <CreatorForm key={JSON.stringify(result?.fields ?? null)} initial={result?.fields ?? EMPTY} errors={result?.errors ?? {}} submitting={navigation.state === "submitting"} />
      </BlockStack>
    </Page>
  );
}

export { ResourceErrorBoundary as ErrorBoundary } from "../../components/ResourceErrorBoundary";
