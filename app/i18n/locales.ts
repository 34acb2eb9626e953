import en from "../locales/en.json";
import fr from "../locales/fr.json";

export const LOCALES = ["en", "fr"] as const;
export type Locale = (typeof LOCALES)[number];
export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en, fr };
