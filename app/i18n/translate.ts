import { LOCALES, type Locale } from "./locales";

export type MessageTree = { [key: string]: string | MessageTree };
export type TranslateVars = Record<string, string | number>;
export type Translate = (key: string, vars?: TranslateVars) => string;

/** Picks the first supported language among candidates like "fr-CA", "fr", "en-US"; English otherwise. */
export function resolveLocale(candidates: (string | null | undefined)[]): Locale {
  for (const candidate of candidates) {
    const language = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    const match = LOCALES.find((locale) => locale === language);
    if (match) return match;
  }
  return "en";
}

/** Languages of an Accept-Language header, most preferred first. */
export function parseAcceptLanguage(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag ?? "", q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.tag && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((entry) => entry.tag);
}

function lookup(tree: MessageTree, key: string): string | MessageTree | undefined {
  let node: string | MessageTree | undefined = tree;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return node;
}

/**
 * Translates dotted keys with {name} placeholders. A plural message is an object with
 * Intl.PluralRules categories ("one", "other", …) chosen by the `count` variable.
 * A missing key shows the key itself, so it is visible in the page and caught by tests.
 */
export function createTranslator(messages: MessageTree, locale: Locale): Translate {
  const plurals = new Intl.PluralRules(locale);
  return (key, vars = {}) => {
    let message = lookup(messages, key);
    if (message !== undefined && typeof message !== "string") {
      const count = Number(vars.count ?? 0);
      message = message[plurals.select(count)] ?? message.other;
    }
    if (typeof message !== "string") return key;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
      vars[name] === undefined ? whole : typeof vars[name] === "number" ? new Intl.NumberFormat(locale).format(vars[name]) : String(vars[name]),
    );
  };
}

/** Every dotted key of a message tree (plural objects count as one key). */
export function messageKeys(tree: MessageTree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") return [path];
    if ("other" in value && typeof value.other === "string") return [path];
    return messageKeys(value, path);
  });
}
