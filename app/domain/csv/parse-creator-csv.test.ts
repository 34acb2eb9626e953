import { describe, expect, test } from "vitest";
import { MAX_CREATOR_CSV_ROWS, parseCreatorCsv } from "./parse-creator-csv";

const csv = (...lines: string[]) => lines.join("\r\n") + "\r\n";

describe("parseCreatorCsv: wide form and platforms cell", () => {
  test("reads a wide-form file into creator inputs", () => {
    const result = parseCreatorCsv(
      csv(
        "Name,Handle,Email,Instagram Followers,TikTok_Followers,instagram_url,Notes",
        "Emma Martin,@Emma.Style,emma@example.com,12000,5000,https://instagram.com/emma.style,Spring",
        'Zoé Durand,zoe,,,250000,,"likes ""bold"" looks"',
        "No Platforms,nop,,,,,",
      ),
    );
    expect(result.headerErrors).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.ignoredColumns).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        lines: [2],
        input: {
          name: "Emma Martin",
          handle: "Emma.Style",
          email: "emma@example.com",
          platforms: [
            { platform: "instagram", followers: 12000, url: "https://instagram.com/emma.style" },
            { platform: "tiktok", followers: 5000, url: undefined },
          ],
          notes: "Spring",
        },
      },
      {
        line: 3,
        lines: [3],
        input: {
          name: "Zoé Durand",
          handle: "zoe",
          email: undefined,
          platforms: [{ platform: "tiktok", followers: 250000, url: undefined }],
          notes: 'likes "bold" looks',
        },
      },
      {
        line: 4,
        lines: [4],
        input: { name: "No Platforms", handle: "nop", email: undefined, platforms: [], notes: "" },
      },
    ]);
  });

  test("reads a platforms cell with aliases, spaces and a trailing separator", () => {
    const result = parseCreatorCsv(csv("name,handle,platforms", 'Emma,emma,"IG: 12000; x:300 ;yt:0;"'));
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.input.platforms).toEqual([
      { platform: "instagram", followers: 12000, url: undefined },
      { platform: "twitter", followers: 300, url: undefined },
      { platform: "youtube", followers: 0, url: undefined },
    ]);
  });

  test("alias column names map to platforms (ig_followers)", () => {
    const result = parseCreatorCsv(csv("name,handle,ig_followers,yt_followers", "Emma,emma,10,20"));
    expect(result.rows[0]?.input.platforms.map((p) => p.platform)).toEqual(["instagram", "youtube"]);
  });

  test("BOM, LF line ends, blank rows and no final line end", () => {
    const result = parseCreatorCsv("\uFEFFname,handle\n\nEmma,emma\n,\n   ,  \nZoé,zoe");
    expect(result.errors).toEqual([]);
    expect(result.rows.map((row) => [row.line, row.input.handle])).toEqual([
      [3, "emma"],
      [6, "zoe"],
    ]);
  });

  test("unknown columns are ignored and listed", () => {
    const result = parseCreatorCsv(csv("name,handle,Status,,Agency", "Emma,emma,active,x,Acme"));
    expect(result.ignoredColumns).toEqual(["Status", "Agency"]);
    expect(result.rows).toHaveLength(1);
  });
});

describe("parseCreatorCsv: per-row errors", () => {
  const header = "name,handle,email,instagram_followers,tiktok_followers,platforms";

  test.each([
    ["missing name", ",emma,,,,", "name", "Name is required."],
    ["missing handle", "Emma,,,,,", "handle", "Handle is required."],
    ["handle with a space", "Emma,emma style,,,,", "handle", 'Handle may only contain letters, digits, ".", "_" and "-" (no spaces).'],
    ["bad email", "Emma,emma,not-an-email,,,", "email", "Email is not a valid address."],
    ["negative followers", "Emma,emma,,-5,,", "instagram_followers", "Followers cannot be negative (-5)."],
    ["fractional followers", "Emma,emma,,12.5,,", "instagram_followers", "Followers must be a whole number without separators (12.5)."],
    ["followers with a thousands comma", 'Emma,emma,,"12,000",,', "instagram_followers", "Followers must be a whole number without separators (12,000)."],
    ["followers as 12k", "Emma,emma,,,12k,", "tiktok_followers", 'Followers must be a whole number like 12000 (got "12k").'],
    ["followers beyond any real audience", "Emma,emma,,99999999999,,", "instagram_followers", "Followers 99999999999 is implausibly large."],
    [
      "unknown platform in the platforms cell",
      "Emma,emma,,,,myspace:100",
      "platforms",
      'Unknown platform "myspace". Use one of: instagram, tiktok, youtube, twitter, facebook, pinterest, twitch, snapchat, linkedin, blog, other.',
    ],
    ["platforms item without followers", "Emma,emma,,,,instagram", "platforms", '"instagram" should read platform:followers, e.g. instagram:12000.'],
    ["negative followers in the platforms cell", "Emma,emma,,,,tiktok:-3", "platforms", "tiktok: Followers cannot be negative (-3)."],
    ["same platform in a column and the platforms cell", "Emma,emma,,10,,ig:20", "platforms", "instagram is given more than once on this row."],
    ["too many values", "Emma,emma,,,,,extra", null, "This row has 7 values but the header has 6 columns."],
  ])("%s", (_label, row, field, message) => {
    const result = parseCreatorCsv(csv(header, "Good,good,,1,,", row));
    expect(result.headerErrors).toEqual([]);
    expect(result.errors).toEqual([{ line: 3, field, message }]);
    expect(result.rows.map((r) => r.input.handle)).toEqual(["good"]);
  });

  test("extra empty values at the end of a row are tolerated", () => {
    const result = parseCreatorCsv(csv("name,handle", "Emma,emma,,"));
    expect(result.errors).toEqual([]);
    expect(result.rows).toHaveLength(1);
  });

  test("missing trailing values read as blank", () => {
    const result = parseCreatorCsv(csv("name,handle,email,instagram_followers", "Emma,emma"));
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.input.platforms).toEqual([]);
  });

  test("several problems on one row are all reported, with the header as written", () => {
    const result = parseCreatorCsv(csv("Full Name,Handle,E-mail,Instagram Followers", ",emma,bad,-1"));
    expect(result.errors).toEqual([
      { line: 2, field: "Instagram Followers", message: "Followers cannot be negative (-1)." },
      { line: 2, field: "Full Name", message: "Name is required." },
      { line: 2, field: "E-mail", message: "Email is not a valid address." },
    ]);
    expect(result.rows).toEqual([]);
  });

  test("a URL without followers is an error", () => {
    const result = parseCreatorCsv(csv("name,handle,instagram_followers,instagram_url", "Emma,emma,,https://instagram.com/e"));
    expect(result.errors).toEqual([
      { line: 2, field: "instagram_followers", message: "instagram followers are required when a instagram URL is given." },
    ]);
  });

  test("a javascript: profile URL is an error on the URL column", () => {
    const result = parseCreatorCsv(csv("name,handle,instagram_followers,instagram_url", "Emma,emma,5,javascript:alert(1)"));
    expect(result.errors).toEqual([
      { line: 2, field: "instagram_url", message: "Profile URL must be a full http(s) address." },
    ]);
  });
});

describe("parseCreatorCsv: duplicate handles", () => {
  test.each([
    ["same case", "emma"],
    ["different case", "EMMA"],
    ["with an @", "@Emma"],
  ])("wide form: a repeated handle (%s) is an error on the later row; the first row is kept", (_label, repeat) => {
    const result = parseCreatorCsv(csv("name,handle", "Emma,emma", "Zoé,zoe", `Other Emma,${repeat}`));
    expect(result.errors).toEqual([{ line: 4, field: "handle", message: `Duplicate handle @${repeat.replace("@", "")}: already on line 2.` }]);
    expect(result.rows.map((row) => row.input.name)).toEqual(["Emma", "Zoé"]);
  });
});

describe("parseCreatorCsv: long form (one platform per row)", () => {
  test("rows sharing a handle merge into one creator", () => {
    const result = parseCreatorCsv(
      csv(
        "name,handle,email,platform,followers,url",
        "Emma,emma,emma@example.com,instagram,12000,https://instagram.com/emma",
        "Zoé,zoe,,tiktok,800,",
        ",EMMA,,tiktok,5000,",
        "Emma,emma,EMMA@example.com,yt,300,",
        "Solo,solo,,,,",
      ),
    );
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([
      {
        line: 2,
        lines: [2, 4, 5],
        input: {
          name: "Emma",
          handle: "emma",
          email: "emma@example.com",
          platforms: [
            { platform: "instagram", followers: 12000, url: "https://instagram.com/emma" },
            { platform: "tiktok", followers: 5000, url: undefined },
            { platform: "youtube", followers: 300, url: undefined },
          ],
          notes: "",
        },
      },
      { line: 3, lines: [3], input: { name: "Zoé", handle: "zoe", email: undefined, platforms: [{ platform: "tiktok", followers: 800, url: undefined }], notes: "" } },
      { line: 6, lines: [6], input: { name: "Solo", handle: "solo", email: undefined, platforms: [], notes: "" } },
    ]);
  });

  test.each([
    ["a different name", "Emily,emma,,tiktok,5", "name", "The name differs from line 2 for the same handle; leave it blank or repeat it."],
    ["a different email", "Emma,emma,other@example.com,tiktok,5", "email", "The email differs from line 2 for the same handle; leave it blank or repeat it."],
    ["the same platform again", ",emma,,IG,5", "followers", "instagram is already given for @emma on line 2."],
    ["an unknown platform", ",emma,,myspace,5", "platform", 'Unknown platform "myspace". Use one of: instagram, tiktok, youtube, twitter, facebook, pinterest, twitch, snapchat, linkedin, blog, other.'],
    ["followers without a platform", ",emma,,,5", "platform", "Platform is required when followers or a URL are given."],
    ["a platform without followers", ",emma,,tiktok,", "followers", "Followers are required for tiktok."],
    ["negative followers", ",emma,,tiktok,-1", "followers", "Followers cannot be negative (-1)."],
  ])("a continuation row with %s fails the whole creator", (_label, row, field, message) => {
    const result = parseCreatorCsv(csv("name,handle,email,platform,followers", "Emma,emma,,instagram,100", row, "Zoé,zoe,,tiktok,1"));
    expect(result.errors).toEqual([{ line: 3, field, message }]);
    expect(result.rows.map((r) => r.input.handle)).toEqual(["zoe"]);
  });
});

describe("parseCreatorCsv: file-level errors stop the import", () => {
  test.each([
    ["an empty file", "", [{ line: 1, message: "The file is empty: the first line must name the columns." }]],
    ["a blank header", "\r\nEmma,emma\r\n", [{ line: 1, message: "The file is empty: the first line must name the columns." }]],
    ["no name column", "handle\r\nemma\r\n", [{ line: 1, message: 'A "name" column is required.' }]],
    [
      "neither name nor handle",
      "email\r\n",
      [
        { line: 1, message: 'A "name" column is required.' },
        { line: 1, message: 'A "handle" column is required.' },
      ],
    ],
    ["the same column twice", "name,handle,Handle\r\n", [{ line: 1, message: 'Columns "handle" and "Handle" both give the same information.' }]],
    ["a column and its alias", "name,handle,instagram_followers,IG followers\r\n", [{ line: 1, message: 'Columns "instagram_followers" and "IG followers" both give the same information.' }]],
    ["platform without followers", "name,handle,platform\r\n", [{ line: 1, message: 'The "platform" and "followers" columns go together: one row per platform.' }]],
    ["url without platform", "name,handle,url\r\n", [{ line: 1, message: 'A "url" column needs a "platform" column; use e.g. "instagram_url" otherwise.' }]],
    ["a wide URL without its followers column", "name,handle,tiktok_url\r\n", [{ line: 1, message: 'Column "tiktok_url" needs a "tiktok_followers" column.' }]],
    ["an unterminated quote", 'name,handle\r\nEmma,emma\r\n"Zoé,zoe\r\n', [{ line: 3, message: 'Line 3: a quoted field is never closed (missing ").' }]],
  ])("%s", (_label, text, headerErrors) => {
    const result = parseCreatorCsv(text);
    expect(result.headerErrors).toEqual(headerErrors);
    expect(result.rows).toEqual([]);
    expect(result.errors).toEqual([]);
  });

  test("more than the row limit is refused, naming the first line over it", () => {
    const lines = ["name,handle", ...Array.from({ length: MAX_CREATOR_CSV_ROWS + 1 }, (_, i) => `C${i},c${i}`)];
    const result = parseCreatorCsv(csv(...lines));
    expect(result.headerErrors).toEqual([{ line: MAX_CREATOR_CSV_ROWS + 2, message: "The file has 5001 creators; the limit is 5000 per import." }]);
    expect(result.rows).toEqual([]);
  });
});

describe("parseCreatorCsv at full size", () => {
  test("5,000 rows parse quickly with the expected counts", () => {
    // Every 100th row has a bad email, every 250th repeats an earlier handle in another case,
    // every 500th has an unknown platform in the platforms cell (rows can collect several problems).
    const lines = ["name,handle,email,instagram_followers,tiktok_followers,youtube_followers,platforms"];
    let badEmail = 0;
    let duplicate = 0;
    let unknownPlatform = 0;
    const failing = new Set<number>();
    for (let i = 1; i <= MAX_CREATOR_CSV_ROWS; i++) {
      const isDuplicate = i % 250 === 0;
      const handle = isDuplicate ? `Creator_${i - 1}`.toUpperCase() : `creator_${i}`;
      const email = i % 100 === 0 ? "broken-email" : `c${i}@example.com`;
      const platforms = i % 500 === 0 ? "myspace:10" : `twitch:${i}`;
      if (i % 100 === 0) badEmail++;
      if (isDuplicate) duplicate++;
      if (i % 500 === 0) unknownPlatform++;
      if (i % 100 === 0 || isDuplicate || i % 500 === 0) failing.add(i);
      lines.push(`"Creator ${i}",${handle},${email},${i * 3},${i * 7},${i % 2 === 0 ? "" : i},"${platforms}"`);
    }
    const text = csv(...lines);

    const started = performance.now();
    const result = parseCreatorCsv(text);
    const elapsed = performance.now() - started;

    expect(result.headerErrors).toEqual([]);
    expect(result.rows).toHaveLength(4940);
    expect(result.errors.filter((e) => e.field === "email")).toHaveLength(badEmail);
    expect(result.errors.filter((e) => e.message.startsWith("Duplicate handle"))).toHaveLength(duplicate);
    expect(result.errors.filter((e) => e.message.startsWith("Unknown platform"))).toHaveLength(unknownPlatform);
    // 50 multiples of 100, plus the 10 multiples of 250 that are not multiples of 100.
    expect(failing.size).toBe(60);
    expect(badEmail).toBe(50);
    expect(duplicate).toBe(20);
    expect(unknownPlatform).toBe(10);
    expect(result.rows[0]?.input).toEqual({
      name: "Creator 1",
      handle: "creator_1",
      email: "c1@example.com",
      platforms: [
        { platform: "instagram", followers: 3, url: undefined },
        { platform: "tiktok", followers: 7, url: undefined },
        { platform: "youtube", followers: 1, url: undefined },
        { platform: "twitch", followers: 1, url: undefined },
      ],
      notes: "",
    });
    expect(elapsed).toBeLessThan(2000);
  });
});
