import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { Banner, Layout, Page } from "@shopify/polaris";
import { useI18n } from "../i18n/i18n-context";

/** Error page of a resource route: another shop's or a deleted id says "not found"; anything else, a generic error. */
export function ResourceErrorBoundary() {
  const error = useRouteError();
  const { t } = useI18n();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Page>
      <Layout>
        <Layout.Section>
          <Banner tone="critical">{t(notFound ? "errors.notFound" : "errors.generic")}</Banner>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
