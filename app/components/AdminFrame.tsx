import { Banner, Frame, Navigation } from "@shopify/polaris";
import { NavMenu } from "@shopify/app-bridge-react";
import { Link, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n-context";
import { NAV_ITEMS } from "./nav-items";

/** Keeps ?locale= on internal links: Shopify passes the admin language only on the first load. */
export function withLocale(url: string, locale: string): string {
  const [path, query = ""] = url.split("?");
  const params = new URLSearchParams(query);
  params.set("locale", locale);
  return `${path}?${params.toString()}`;
}

/** Inside Shopify's admin the navigation is App Bridge's menu; in the demo, a Polaris frame. */
export function AdminFrame({ demo, children }: { demo: boolean; children: ReactNode }) {
  const { t, locale } = useI18n();
  const location = useLocation();
  if (!demo) {
    return (
      <>
        <NavMenu>
          {NAV_ITEMS.map((item, index) => (
            <Link key={item.url} to={withLocale(item.url, locale)} rel={index === 0 ? "home" : undefined}>
              {t(item.label)}
            </Link>
          ))}
        </NavMenu>
        {children}
      </>
    );
  }
  const navigation = (
    <Navigation location={location.pathname}>
      <Navigation.Section
        items={NAV_ITEMS.map((item) => ({
          url: withLocale(item.url, locale),
          label: t(item.label),
          exactMatch: item.exact,
          selected: item.exact ? location.pathname === item.url : location.pathname.startsWith(item.url),
        }))}
      />
    </Navigation>
  );
  return (
    <Frame navigation={navigation}>
      <Banner tone="info">{t("app.demoBanner")}</Banner>
      {children}
    </Frame>
  );
}
