import { describe, expect, test } from "vitest";
import { creatorInputSchema, MAX_FOLLOWERS } from "./creator-input-schema";

const valid = {
  name: "Emma Martin",
  handle: "@Emma.Style",
  email: "emma@example.com",
  platforms: [{ platform: "instagram", followers: 12_000 }],
  notes: "",
};

function issuesOf(input: unknown) {
  const result = creatorInputSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("creatorInputSchema accepts and normalises", () => {
  test("a complete creator", () => {
    expect(
      creatorInputSchema.parse({
        ...valid,
        name: "  Emma Martin ",
        platforms: [
          { platform: "IG", followers: "12000", url: "https://instagram.com/emma.style" },
          { platform: "x", followers: 0, url: "" },
        ],
        notes: "Met at the spring fair.",
      }),
    ).toEqual({
      name: "Emma Martin",
      handle: "Emma.Style",
      email: "emma@example.com",
      platforms: [
        { platform: "instagram", followers: 12_000, url: "https://instagram.com/emma.style" },
        { platform: "twitter", followers: 0, url: undefined },
      ],
      notes: "Met at the spring fair.",
    });
  });

  test.each([
    ["email left blank in the form", { ...valid, email: "" }, undefined],
    ["email of spaces", { ...valid, email: "   " }, undefined],
    ["email absent", { name: "Emma", handle: "emma" }, undefined],
    ["email with spaces around", { ...valid, email: " emma@example.com " }, "emma@example.com"],
  ])("%s", (_label, input, email) => {
    expect(creatorInputSchema.parse(input).email).toBe(email);
  });

  test("platforms and notes default to empty", () => {
    expect(creatorInputSchema.parse({ name: "Emma", handle: "emma" })).toEqual({
      name: "Emma",
      handle: "emma",
      email: undefined,
      platforms: [],
      notes: "",
    });
  });

  test.each([
    ["120-character name", { ...valid, name: "n".repeat(120) }],
    ["2000-character notes", { ...valid, notes: "n".repeat(2000) }],
    ["the followers ceiling", { ...valid, platforms: [{ platform: "youtube", followers: MAX_FOLLOWERS }] }],
    ["http profile URL", { ...valid, platforms: [{ platform: "blog", followers: 5, url: "http://emma.blog" }] }],
  ])("limit cases accepted: %s", (_label, input) => {
    expect(creatorInputSchema.safeParse(input).success).toBe(true);
  });
});

describe("creatorInputSchema refuses", () => {
  test.each([
    ["missing name", { ...valid, name: undefined }, "name"],
    ["blank name", { ...valid, name: "   " }, "name"],
    ["121-character name", { ...valid, name: "n".repeat(121) }, "name"],
    ["missing handle", { ...valid, handle: undefined }, "handle"],
    ["handle with a space", { ...valid, handle: "emma style" }, "handle"],
    ["65-character handle", { ...valid, handle: "h".repeat(65) }, "handle"],
    ["email without @", { ...valid, email: "emma.example.com" }, "email"],
    ["email without domain", { ...valid, email: "emma@" }, "email"],
    ["two emails", { ...valid, email: "a@b.com, c@d.com" }, "email"],
    ["unknown platform", { ...valid, platforms: [{ platform: "myspace", followers: 1 }] }, "platforms.0.platform"],
    ["negative followers", { ...valid, platforms: [{ platform: "ig", followers: -5 }] }, "platforms.0.followers"],
    ["negative followers as text", { ...valid, platforms: [{ platform: "ig", followers: "-5" }] }, "platforms.0.followers"],
    ["fractional followers", { ...valid, platforms: [{ platform: "ig", followers: 1.5 }] }, "platforms.0.followers"],
    ["followers written 12k", { ...valid, platforms: [{ platform: "ig", followers: "12k" }] }, "platforms.0.followers"],
    ["followers with a thousands separator", { ...valid, platforms: [{ platform: "ig", followers: "12,000" }] }, "platforms.0.followers"],
    ["empty followers", { ...valid, platforms: [{ platform: "ig", followers: "" }] }, "platforms.0.followers"],
    ["followers beyond the ceiling", { ...valid, platforms: [{ platform: "ig", followers: MAX_FOLLOWERS + 1 }] }, "platforms.0.followers"],
    ["NaN followers", { ...valid, platforms: [{ platform: "ig", followers: Number.NaN }] }, "platforms.0.followers"],
    ["javascript: profile URL", { ...valid, platforms: [{ platform: "ig", followers: 1, url: "javascript:alert(1)" }] }, "platforms.0.url"],
    ["profile URL without scheme", { ...valid, platforms: [{ platform: "ig", followers: 1, url: "instagram.com/emma" }] }, "platforms.0.url"],
    [
      "the same platform twice, even through an alias",
      { ...valid, platforms: [{ platform: "instagram", followers: 1 }, { platform: "IG", followers: 2 }] },
      "platforms.1.platform",
    ],
    ["2001-character notes", { ...valid, notes: "n".repeat(2001) }, "notes"],
  ])("%s (issue at %s)", (_label, input, path) => {
    const issues = issuesOf(input);
    expect(issues.map((issue) => issue.path)).toContain(path);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);
  });

  test("the handle issue carries the handle rule's message", () => {
    expect(issuesOf({ ...valid, handle: "emma style" })).toEqual([
      { path: "handle", message: 'Handle may only contain letters, digits, ".", "_" and "-" (no spaces).' },
    ]);
  });
});
