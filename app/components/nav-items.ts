/** The admin pages in the app's navigation, in order; `label` is a locale key. */
export const NAV_ITEMS: { url: string; label: string; exact?: boolean }[] = [
  { url: "/app", label: "nav.dashboard", exact: true },
  { url: "/app/creators", label: "nav.creators" },
  { url: "/app/campaigns", label: "nav.campaigns" },
  { url: "/app/history", label: "nav.history" },
  { url: "/app/ingestion", label: "nav.ingestion" },
  { url: "/app/settings", label: "nav.settings" },
];
