import type { z } from "zod";
import { creatorInputSchema, MAX_FOLLOWERS, normalizeHandle, parsePlatform, type CreatorInput } from "../../domain/creators";

/** The creator form as posted: platform rows are parallel lists (one input of each name per row). */
export type CreatorFormFields = {
  name: string;
  handle: string;
  email: string;
  notes: string;
  platforms: Array<{ platform: string; followers: string; url: string }>;
};

/** Field errors as locale keys, by field ("name", "handle", "platforms.0.followers", …). */
export type CreatorFieldErrors = Record<string, string>;

/** Reads the posted creator form into plain strings (absent fields are empty). */
export function readCreatorForm(form: FormData): CreatorFormFields {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const all = (name: string) => form.getAll(name).map((value) => (typeof value === "string" ? value : ""));
  const platforms = all("platform");
  const followers = all("followers");
  const urls = all("url");
  return {
    name: text("name"),
    handle: text("handle"),
    email: text("email"),
    notes: text("notes"),
    platforms: platforms.map((platform, index) => ({ platform, followers: followers[index] ?? "", url: urls[index] ?? "" })),
  };
}

function followersKey(raw: string): string {
  const text = raw.trim();
  if (/^-\s*\d/.test(text)) return "creators.errors.followersNegative";
  if (/^\d+$/.test(text) && Number(text) > MAX_FOLLOWERS) return "creators.errors.followersTooLarge";
  return "creators.errors.followersInvalid";
}

/**
 * Turns the creator schema's issues into locale keys, one per field. The key is chosen from the posted
 * value itself (why a handle or a follower count is wrong), not from the English message, so the page can
 * say it in the admin's language.
 */
export function creatorFieldErrors(fields: CreatorFormFields, issues: ReadonlyArray<z.core.$ZodIssue>): CreatorFieldErrors {
  const errors: CreatorFieldErrors = {};
  const set = (path: string, key: string) => {
    if (errors[path] === undefined) errors[path] = key;
  };
  for (const issue of issues) {
    const [top, index, leaf] = issue.path;
    if (top === "name") set("name", fields.name.trim() === "" ? "creators.errors.nameRequired" : "creators.errors.nameTooLong");
    else if (top === "handle") {
      const result = normalizeHandle(fields.handle);
      const reason = result.ok ? "invalid_characters" : result.error;
      set("handle", reason === "empty" ? "creators.errors.handleRequired" : reason === "too_long" ? "creators.errors.handleTooLong" : "creators.errors.handleInvalid");
    } else if (top === "email") set("email", "creators.errors.email");
    else if (top === "notes") set("notes", "creators.errors.notesTooLong");
    else if (top === "platforms" && typeof index === "number") {
      const row = fields.platforms[index];
      const path = `platforms.${index}.${String(leaf ?? "platform")}`;
      if (leaf === "platform") {
        set(path, row !== undefined && parsePlatform(row.platform) !== null ? "creators.errors.platformDuplicate" : "creators.errors.platformUnknown");
      } else if (leaf === "followers") set(path, followersKey(row?.followers ?? ""));
      else if (leaf === "url") set(path, "creators.errors.url");
      else set(`platforms.${index}.platform`, "creators.errors.platformUnknown");
    }
  }
  return errors;
}

export type ParsedCreatorForm = { ok: true; fields: CreatorFormFields; input: CreatorInput } | { ok: false; fields: CreatorFormFields; errors: CreatorFieldErrors };

/** Reads and validates a posted creator form: the normalised input, or field errors as locale keys. */
export function parseCreatorForm(form: FormData): ParsedCreatorForm {
  const fields = readCreatorForm(form);
  const result = creatorInputSchema.safeParse(fields);
  if (result.success) return { ok: true, fields, input: result.data };
  return { ok: false, fields, errors: creatorFieldErrors(fields, result.error.issues) };
}
