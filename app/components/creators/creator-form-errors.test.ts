import { describe, expect, test } from "vitest";
import { creatorInputSchema, MAX_FOLLOWERS } from "../../domain/creators";
import { creatorFieldErrors, parseCreatorForm, readCreatorForm, type CreatorFormFields } from "./creator-form-errors";

const valid: CreatorFormFields = {
  name: "Emma Martin",
  handle: "emma",
  email: "emma@example.com",
  notes: "",
  platforms: [{ platform: "instagram", followers: "12000", url: "" }],
};

function errorsFor(fields: Partial<CreatorFormFields>) {
  const all = { ...valid, ...fields };
  const result = creatorInputSchema.safeParse(all);
  return result.success ? {} : creatorFieldErrors(all, result.error.issues);
}

describe("creatorFieldErrors", () => {
  test.each([
    ["blank name", { name: "  " }, { name: "creators.errors.nameRequired" }],
    ["name too long", { name: "n".repeat(121) }, { name: "creators.errors.nameTooLong" }],
    ["missing handle", { handle: "@" }, { handle: "creators.errors.handleRequired" }],
    ["handle too long", { handle: "h".repeat(65) }, { handle: "creators.errors.handleTooLong" }],
    ["handle with a space", { handle: "emma style" }, { handle: "creators.errors.handleInvalid" }],
    ["bad email", { email: "emma.example.com" }, { email: "creators.errors.email" }],
    ["notes too long", { notes: "n".repeat(2001) }, { notes: "creators.errors.notesTooLong" }],
    ["unknown platform", { platforms: [{ platform: "myspace", followers: "1", url: "" }] }, { "platforms.0.platform": "creators.errors.platformUnknown" }],
    [
      "the same platform twice through an alias",
      { platforms: [{ platform: "instagram", followers: "1", url: "" }, { platform: "IG", followers: "2", url: "" }] },
      { "platforms.1.platform": "creators.errors.platformDuplicate" },
    ],
    ["negative followers", { platforms: [{ platform: "tiktok", followers: "-5", url: "" }] }, { "platforms.0.followers": "creators.errors.followersNegative" }],
    ["followers written 12k", { platforms: [{ platform: "tiktok", followers: "12k", url: "" }] }, { "platforms.0.followers": "creators.errors.followersInvalid" }],
    ["empty followers", { platforms: [{ platform: "tiktok", followers: "", url: "" }] }, { "platforms.0.followers": "creators.errors.followersInvalid" }],
    [
      "followers beyond the ceiling",
      { platforms: [{ platform: "tiktok", followers: String(MAX_FOLLOWERS + 1), url: "" }] },
      { "platforms.0.followers": "creators.errors.followersTooLarge" },
    ],
    ["javascript: URL", { platforms: [{ platform: "tiktok", followers: "5", url: "javascript:alert(1)" }] }, { "platforms.0.url": "creators.errors.url" }],
    ["valid form", {}, {}],
  ])("%s", (_label, fields, expected) => {
    expect(errorsFor(fields)).toEqual(expected);
  });

  test("several fields at once, each with its own key", () => {
    expect(errorsFor({ name: "", handle: "a b", platforms: [{ platform: "x", followers: "-1", url: "" }] })).toEqual({
      name: "creators.errors.nameRequired",
      handle: "creators.errors.handleInvalid",
      "platforms.0.followers": "creators.errors.followersNegative",
    });
  });
});

describe("readCreatorForm", () => {
  test("platform rows are read from parallel inputs, in order", () => {
    const form = new FormData();
    form.set("name", "Emma");
    form.set("handle", "emma");
    for (const [platform, followers, url] of [
      ["instagram", "12000", "https://instagram.com/emma"],
      ["tiktok", "500", ""],
    ]) {
      form.append("platform", platform!);
      form.append("followers", followers!);
      form.append("url", url!);
    }
    expect(readCreatorForm(form)).toEqual({
      name: "Emma",
      handle: "emma",
      email: "",
      notes: "",
      platforms: [
        { platform: "instagram", followers: "12000", url: "https://instagram.com/emma" },
        { platform: "tiktok", followers: "500", url: "" },
      ],
    });
  });

  test("an empty form reads as empty strings and no platform", () => {
    expect(readCreatorForm(new FormData())).toEqual({ name: "", handle: "", email: "", notes: "", platforms: [] });
  });
});

describe("parseCreatorForm", () => {
  const formOf = (entries: Array<[string, string]>) => {
    const form = new FormData();
    for (const [key, value] of entries) form.append(key, value);
    return form;
  };

  test("a valid form gives the normalised input", () => {
    const parsed = parseCreatorForm(formOf([["name", " Emma "], ["handle", "@Emma"], ["email", ""], ["platform", "IG"], ["followers", "12000"], ["url", ""]]));
    expect(parsed).toMatchObject({ ok: true, input: { name: "Emma", handle: "Emma", email: undefined, platforms: [{ platform: "instagram", followers: 12_000, url: undefined }] } });
  });

  test("an invalid form gives the fields back with their errors", () => {
    const parsed = parseCreatorForm(formOf([["name", "Emma"], ["handle", "emma style"]]));
    expect(parsed).toEqual({
      ok: false,
      fields: { name: "Emma", handle: "emma style", email: "", notes: "", platforms: [] },
      errors: { handle: "creators.errors.handleInvalid" },
    });
  });
});
