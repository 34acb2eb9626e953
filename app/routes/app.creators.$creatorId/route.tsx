import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Layout, Page } from "@shopify/polaris";
import { z } from "zod";
import { requireAdminContext } from "../../auth/admin-context.server";
import { withLocale } from "../../components/AdminFrame";
import { CreatorForm } from "../../components/creators/CreatorForm";
import { parseCreatorForm, type CreatorFieldErrors, type CreatorFormFields } from "../../components/creators/creator-form-errors";
import { TierBadge } from "../../components/creators/TierBadge";
import { useI18n } from "../../i18n/i18n-context";
import { archiveCreator, DuplicateHandleError, requireCreator, unarchiveCreator, updateCreator } from "../../models/creator.server";

const idSchema = z.string().min(1).max(64);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const creator = await requireCreator(shop, idSchema.parse(params.creatorId));
  return json({
    creator: { id: creator.id, name: creator.name, handle: creator.handle, tier: creator.tier, status: creator.status },
    fields: {
      name: creator.name,
      handle: creator.handle,
      email: creator.email ?? "",
      notes: creator.notes,
      platforms: creator.platforms.map((p) => ({ platform: p.platform, followers: String(p.followers), url: p.url ?? "" })),
    } satisfies CreatorFormFields,
  });
}

type ActionResult = { saved: boolean; fields: CreatorFormFields | null; errors: CreatorFieldErrors };

export async function action({ request, params }: ActionFunctionArgs) {
  const { shop } = await requireAdminContext(request);
  const id = idSchema.parse(params.creatorId);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "archive" || intent === "unarchive") {
    await (intent === "archive" ? archiveCreator : unarchiveCreator)(shop, id);
    return json<ActionResult>({ saved: false, fields: null, errors: {} });
  }
  if (intent !== "save") return json<ActionResult>({ saved: false, fields: null, errors: {} }, { status: 400 });
  const parsed = parseCreatorForm(form);
  if (!parsed.ok) return json<ActionResult>({ saved: false, fields: parsed.fields, errors: parsed.errors }, { status: 422 });
  try {
    await updateCreator(shop, id, parsed.input);
    return json<ActionResult>({ saved: true, fields: null, errors: {} });
  } catch (error) {
    if (error instanceof DuplicateHandleError) {
      return json<ActionResult>({ saved: false, fields: parsed.fields, errors: { handle: "creators.errors.handleTaken" } }, { status: 422 });
    }
    throw error;
  }
}

export default function EditCreator() {
  const { creator, fields } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const submit = useSubmit();
  const { t, locale } = useI18n();
  const archived = creator.status === "archived";
  const busy = navigation.state !== "idle";
  const hasErrors = Object.keys(result?.errors ?? {}).length > 0;
  const initial = result?.fields ?? fields;

  return (
    <Page
      title={creator.name}
      subtitle={`@${creator.handle}`}
      titleMetadata={
        <>
          <TierBadge tier={creator.tier} /> {archived && <Badge>{t("creators.archivedBadge")}</Badge>}
        </>
      }
      backAction={{ content: t("creators.title"), url: withLocale("/app/creators", locale) }}
      secondaryActions={[
        { content: t("analytics.creator.performanceLink"), url: withLocale(`/app/creators/${creator.id}/performance`, locale) },
        {
          content: t(archived ? "creators.form.unarchive" : "creators.form.archive"),
          destructive: !archived,
          disabled: busy,
          onAction: () => submit({ intent: archived ? "unarchive" : "archive" }, { method: "post" }),
        },
      ]}
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {searchParams.get("created") === "1" && !result && <Banner tone="success">{t("creators.form.created")}</Banner>}
            {result?.saved && <Banner tone="success">{t("creators.form.saved")}</Banner>}
            {hasErrors && <Banner tone="critical">{t("creators.form.errorsBanner")}</Banner>}
            {archived && <Banner tone="info">{t("creators.form.archivedBanner")}</Banner>}
            <CreatorForm key={JSON.stringify(initial)} initial={initial} errors={result?.errors ?? {}} submitting={navigation.state === "submitting"} />
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

export { ResourceErrorBoundary as ErrorBoundary } from "../../components/ResourceErrorBoundary";
