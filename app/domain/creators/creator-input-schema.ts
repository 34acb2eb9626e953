import { z } from "zod";
import { normalizeHandle } from "./normalize-handle";
import { parsePlatform, type Platform } from "./platforms";

export const MAX_NAME_LENGTH = 120;
export const MAX_NOTES_LENGTH = 2000;
export const MAX_PROFILE_URL_LENGTH = 2048;
// Larger than any real audience; catches pasted phone numbers and typos before they skew tiers.
export const MAX_FOLLOWERS = 10_000_000_000;

// HTML forms submit an untouched optional input as "": that means "not given", not an invalid value.
const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const platformSchema = z
  .string({ error: "Platform is required." })
  .transform((raw, ctx): Platform => {
    const platform = parsePlatform(raw);
    if (platform === null) {
      ctx.addIssue({ code: "custom", message: `Unknown platform "${raw.trim()}".` });
      return z.NEVER;
    }
    return platform;
  });

// Form fields arrive as strings; only plain digits are read as a number ("12k", "1,200" and "1.5" are refused).
const followersSchema = z
  .union(
    [z.number(), z.string().trim().regex(/^\d+$/, "Followers must be a whole number like 12000.").transform(Number)],
    { error: "Followers must be a whole number like 12000." },
  )
  .pipe(
    z
      .number()
      .int("Followers must be a whole number.")
      .min(0, "Followers cannot be negative.")
      .max(MAX_FOLLOWERS, "Followers is implausibly large."),
  );

const profileUrlSchema = z.preprocess(
  blankToUndefined,
  z
    .url({ protocol: /^https?$/, error: "Profile URL must be a full http(s) address." })
    .max(MAX_PROFILE_URL_LENGTH, `Profile URL must be at most ${MAX_PROFILE_URL_LENGTH} characters.`)
    .optional(),
);

export const platformAudienceInputSchema = z.object({
  platform: platformSchema,
  followers: followersSchema,
  url: profileUrlSchema,
});

const handleSchema = z.string({ error: "Handle is required." }).transform((raw, ctx) => {
  const result = normalizeHandle(raw);
  if (!result.ok) {
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  }
  return result.handle;
});

/** Creator create/edit form: name and handle required, email optional but valid, each platform listed at most once. */
export const creatorInputSchema = z.object({
  name: z
    .string({ error: "Name is required." })
    .trim()
    .min(1, "Name is required.")
    .max(MAX_NAME_LENGTH, `Name must be at most ${MAX_NAME_LENGTH} characters.`),
  handle: handleSchema,
  email: z.preprocess(
    blankToUndefined,
    z
      .string()
      .trim()
      .pipe(z.email({ error: "Email is not a valid address." }))
      .optional(),
  ),
  platforms: z
    .array(platformAudienceInputSchema)
    .default([])
    .superRefine((platforms, ctx) => {
      const seen = new Set<Platform>();
      platforms.forEach((entry, index) => {
        if (seen.has(entry.platform)) {
          ctx.addIssue({
            code: "custom",
            message: `${entry.platform} is listed more than once.`,
            path: [index, "platform"],
          });
        }
        seen.add(entry.platform);
      });
    }),
  notes: z
    .string()
    .max(MAX_NOTES_LENGTH, `Notes must be at most ${MAX_NOTES_LENGTH} characters.`)
    .default(""),
});

/** What a form or CSV row provides (strings allowed for followers, aliases for platforms). */
export type CreatorFormInput = z.input<typeof creatorInputSchema>;
/** The validated, normalised creator: canonical platforms, integer followers, handle without "@". */
export type CreatorInput = z.output<typeof creatorInputSchema>;
export type PlatformAudienceInput = z.output<typeof platformAudienceInputSchema>;
