import { expect, test } from "vitest";
import { parseSettingsForm } from "./settings-input";

test.each([
  ["the defaults", { attributionModel: "code_first_last_touch", attributionWindowDays: "30", defaultMargin: "50" }, { ok: true, value: { attributionModel: "code_first_last_touch", attributionWindowDays: 30, defaultMarginBps: 5_000 } }],
  ["linear, a week, 42.5% margin", { attributionModel: "linear", attributionWindowDays: "7", defaultMargin: "42,5" }, { ok: true, value: { attributionModel: "linear", attributionWindowDays: 7, defaultMarginBps: 4_250 } }],
  ["the longest window", { attributionModel: "first_touch", attributionWindowDays: "90", defaultMargin: "0" }, { ok: true, value: { attributionModel: "first_touch", attributionWindowDays: 90, defaultMarginBps: 0 } }],
  [
    "every field wrong at once",
    { attributionModel: "time_decay", attributionWindowDays: "0", defaultMargin: "150" },
    { ok: false, errors: { attributionModel: "analytics.settings.errors.model", attributionWindowDays: "analytics.settings.errors.window", defaultMargin: "analytics.settings.errors.margin" } },
  ],
  ["a window of 91 days", { attributionModel: "linear", attributionWindowDays: "91", defaultMargin: "50" }, { ok: false, errors: { attributionWindowDays: "analytics.settings.errors.window" } }],
  ["a fractional window", { attributionModel: "linear", attributionWindowDays: "7.5", defaultMargin: "50" }, { ok: false, errors: { attributionWindowDays: "analytics.settings.errors.window" } }],
  ["an empty margin", { attributionModel: "linear", attributionWindowDays: "7", defaultMargin: "" }, { ok: false, errors: { defaultMargin: "analytics.settings.errors.margin" } }],
  ["nothing sent", {}, { ok: false, errors: { attributionModel: "analytics.settings.errors.model", attributionWindowDays: "analytics.settings.errors.window", defaultMargin: "analytics.settings.errors.margin" } }],
])("%s", (_label, raw, expected) => {
  expect(parseSettingsForm(raw)).toEqual(expected);
});
