import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider as PolarisAppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { useState } from "react";
import { I18nProvider, useI18n } from "../../i18n/i18n-context";
import { parseAcceptLanguage, resolveLocale } from "../../i18n/translate";
import { polarisTranslations } from "../../i18n/polaris-translations";
import { login } from "../../shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

// Login for merchants who open the app outside the admin (non-embedded install links).
export async function loader({ request }: LoaderFunctionArgs) {
  const locale = resolveLocale(parseAcceptLanguage(request.headers.get("Accept-Language")));
  const errors = await login(request);
  return json({ locale, error: (errors as { shop?: string } | undefined)?.shop ?? null });
}

export async function action({ request }: ActionFunctionArgs) {
  const errors = await login(request);
  return json({ error: (errors as { shop?: string } | undefined)?.shop ?? null });
}

function LoginForm({ error }: { error: string | null }) {
  const { t } = useI18n();
  const [shop, setShop] = useState("");
  return (
    <Page narrowWidth>
      <Card>
        <Form method="post">
          <FormLayout>
            <Text variant="headingMd" as="h1">{t("login.title")}</Text>
            <TextField
              type="text"
              name="shop"
              label={t("login.shopLabel")}
              helpText={t("login.shopHelp")}
              value={shop}
              onChange={setShop}
              autoComplete="on"
              error={error ? t(`login.errors.${error}`) : undefined}
            />
            <Button submit>{t("login.submit")}</Button>
          </FormLayout>
        </Form>
      </Card>
    </Page>
  );
}

export default function Login() {
  const { locale, error } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <PolarisAppProvider i18n={polarisTranslations[locale]}>
      <I18nProvider locale={locale}>
        <LoginForm error={actionData?.error ?? error} />
      </I18nProvider>
    </PolarisAppProvider>
  );
}
