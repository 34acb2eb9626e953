import { describe, expect, test } from "vitest";
import { InvalidDiscountValueError } from "./errors";
import { codeLetters, suggestDiscountCode, type DiscountValue } from "./suggest-discount-code";

const pct = (percent: number): DiscountValue => ({ type: "percentage", percent });
const fixed = (amountMinor: number, currency: string): DiscountValue => ({ type: "fixed_amount", amountMinor, currency });

describe("suggestDiscountCode", () => {
  test.each([
    ["handle plus percent, upper-cased", "Emma", pct(15), "EMMA15"],
    ["fixed 10.00 EUR shows the whole euros", "Emma", fixed(1000, "EUR"), "EMMA10"],
    ["fixed 10.50 EUR drops the cents (customer gets at least what is shown)", "Emma", fixed(1050, "EUR"), "EMMA10"],
    ["JPY has no minor unit: 500 yen", "Emma", fixed(500, "JPY"), "EMMA500"],
    ["KWD has three decimals: 5.000 KWD", "Emma", fixed(5000, "KWD"), "EMMA5"],
    ["a value under one unit adds no digits", "Emma", fixed(50, "EUR"), "EMMA"],
    ["12.5% shows 12", "Emma", pct(12.5), "EMMA12"],
    ["100% free", "Emma", pct(100), "EMMA100"],
    ["0.5% adds no digits", "Emma", pct(0.5), "EMMA"],
    ["accents stripped: Zoé", "Zoé", pct(10), "ZOE10"],
    ["decomposed accent", "Zoe\u0301", pct(10), "ZOE10"],
    ["Ø transliterated: Ørsted", "Ørsted", pct(10), "ORSTED10"],
    ["æ becomes AE", "Cæcilie", pct(10), "CAECILIE10"],
    ["œ becomes OE", "Cœur", pct(10), "COEUR10"],
    ["ß becomes SS", "Straße", pct(10), "STRASSE10"],
    ["capital ẞ becomes SS", "STRAẞE", pct(10), "STRASSE10"],
    ["đ becomes D", "Đorđe", pct(10), "DORDE10"],
    ["ł becomes L", "Łukasz", pct(10), "LUKASZ10"],
    ["þ becomes TH", "Þóra", pct(10), "THORA10"],
    ["Turkish dotted capital I", "İpek", pct(10), "IPEK10"],
    ["symbols, dots and underscores stripped", "@emma.style_22!", pct(20), "EMMASTYLE2220"],
    ["spaces stripped", "Emma Martin", pct(15), "EMMAMARTIN15"],
    ["a non-Latin handle falls back to CREATOR", "анна", pct(15), "CREATOR15"],
    ["an emoji-only handle falls back to CREATOR", "🔥🔥", pct(15), "CREATOR15"],
    ["an empty handle falls back to CREATOR", "", fixed(2000, "USD"), "CREATOR20"],
    ["a long handle is cut so the value survives", "Maximilianus.Emmanuelle", pct(15), "MAXIMILIANUSEMMANU15"],
  ])("%s: %j → %s", (_label, handle, value, expected) => {
    const code = suggestDiscountCode({ handle, value });
    expect(code).toBe(expected);
    expect(code.length).toBeLessThanOrEqual(20);
  });

  test.each([
    ["cap 8 keeps the value", 8, "MAXIMI15"],
    ["cap 3 keeps one letter", 3, "M15"],
    ["cap 32 (our maximum) keeps the whole handle", 32, "MAXIMILIANUSEMMANUELLE15"],
  ])("%s", (_label, maxLength, expected) => {
    expect(suggestDiscountCode({ handle: "Maximilianus.Emmanuelle", value: pct(15), maxLength })).toBe(expected);
  });

  test("the CREATOR fallback is also cut to fit", () => {
    expect(suggestDiscountCode({ handle: "", value: pct(15), maxLength: 6 })).toBe("CREA15");
  });

  test.each([
    ["cap leaving no letter", 2],
    ["cap above 32", 33],
    ["fractional cap", 10.5],
  ])("refuses a %s", (_label, maxLength) => {
    expect(() => suggestDiscountCode({ handle: "Emma", value: pct(15), maxLength })).toThrow(RangeError);
  });

  test.each([
    ["zero percent", pct(0)],
    ["negative percent", pct(-10)],
    ["over 100 percent", pct(101)],
    ["NaN percent", pct(Number.NaN)],
    ["zero amount", fixed(0, "EUR")],
    ["negative amount", fixed(-100, "EUR")],
    ["fractional minor units", fixed(10.5, "EUR")],
    ["lower-case currency", fixed(1000, "eur")],
    ["malformed currency", fixed(1000, "EURO")],
  ])("refuses %s", (_label, value) => {
    expect(() => suggestDiscountCode({ handle: "Emma", value })).toThrow(InvalidDiscountValueError);
  });
});

describe("codeLetters", () => {
  test.each([
    ["mixed", "Émilie-Ærø 2", "EMILIEAERO2"],
    ["nothing usable", "!!", ""],
    ["digits kept", "123", "123"],
  ])("%s", (_label, text, expected) => {
    expect(codeLetters(text)).toBe(expected);
  });
});
