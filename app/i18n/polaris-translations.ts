import en from "@shopify/polaris/locales/en.json";
import fr from "@shopify/polaris/locales/fr.json";
import type { Locale } from "./locales";

/** Polaris' own strings (pagination, filters, ...) in the admin user's language. */
export const polarisTranslations: Record<Locale, typeof en> = { en, fr };
