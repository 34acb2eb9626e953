import { json, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { AppProvider as PolarisAppProvider } from "@shopify/polaris";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { AdminFrame } from "../components/AdminFrame";
import { I18nProvider } from "../i18n/i18n-context";
import { polarisTranslations } from "../i18n/polaris-translations";
import { requireAdminContext } from "../auth/admin-context.server";
import { env } from "../env.server";
import { ensureOrderHistoryJobs } from "../jobs/order-history-jobs.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { shop, locale, demo } = await requireAdminContext(request);
  // First admin request of a shop: its order history import, and the hourly reconciliation (once per process).
  await ensureOrderHistoryJobs(shop).catch((error) => console.warn(`Order history jobs of ${shop} not scheduled yet:`, error));
  return json({ apiKey: demo ? "" : env.SHOPIFY_API_KEY, demo, locale });
}

export default function AppLayout() {
  const { apiKey, demo, locale } = useLoaderData<typeof loader>();
  const content = (
    <I18nProvider locale={locale}>
      <AdminFrame demo={demo}>
        <Outlet />
      </AdminFrame>
    </I18nProvider>
  );
  if (demo) return <PolarisAppProvider i18n={polarisTranslations[locale]}>{content}</PolarisAppProvider>;
  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} i18n={polarisTranslations[locale]}>
      {content}
    </AppProvider>
  );
}

// Shopify needs its own error boundary and headers so that auth redirects escape the iframe.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
