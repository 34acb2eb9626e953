import { describe, expect, test } from "vitest";
import { MESSAGES, LOCALES } from "./locales";
import { createTranslator, messageKeys, parseAcceptLanguage, resolveLocale } from "./translate";

describe("locales", () => {
  test.each(LOCALES.flatMap((a) => LOCALES.filter((b) => b !== a).map((b) => [a, b] as const)))(
    "every key of %s exists in %s",
    (a, b) => {
      const missing = messageKeys(MESSAGES[a]).filter((key) => !messageKeys(MESSAGES[b]).includes(key));
      expect(missing).toEqual([]);
    },
  );

  test.each(LOCALES)("no message of %s is empty", (locale) => {
    const t = createTranslator(MESSAGES[locale], locale);
    for (const key of messageKeys(MESSAGES[locale])) expect(t(key, { count: 2 }).trim()).not.toBe("");
  });
});

describe("resolveLocale", () => {
  test.each([
    ["Shopify's admin locale wins", ["fr", "en-US"], "fr"],
    ["a regional French", ["fr-CA"], "fr"],
    ["underscore tags", ["fr_FR"], "fr"],
    ["unsupported falls through to the next", ["de", "fr"], "fr"],
    ["nothing supported means English", ["de", "ja"], "en"],
    ["no candidate means English", [null, undefined, ""], "en"],
  ])("%s", (_label, candidates, expected) => {
    expect(resolveLocale(candidates)).toBe(expected);
  });

  test("Accept-Language is ordered by quality", () => {
    expect(parseAcceptLanguage("en;q=0.5, fr-FR, de;q=0")).toEqual(["fr-FR", "en"]);
    expect(parseAcceptLanguage(null)).toEqual([]);
  });
});

describe("createTranslator", () => {
  const messages = { a: { b: "Hello {name}" }, n: { one: "{count} order", other: "{count} orders" } };
  test.each([
    ["placeholders are filled", "a.b", { name: "Zoé" }, "en", "Hello Zoé"],
    ["a missing placeholder stays visible", "a.b", {}, "en", "Hello {name}"],
    ["English singular", "n", { count: 1 }, "en", "1 order"],
    ["English plural with grouping", "n", { count: 1200 }, "en", "1,200 orders"],
    ["French treats 0 as singular", "n", { count: 0 }, "fr", "0 order"],
    ["a missing key shows the key", "x.y", {}, "en", "x.y"],
  ] as const)("%s", (_label, key, vars, locale, expected) => {
    expect(createTranslator(messages, locale)(key, vars)).toBe(expected);
  });
});
