import {
  creatorInputSchema,
  handleKey,
  MAX_FOLLOWERS,
  normalizeHandle,
  parsePlatform,
  PLATFORMS,
  type CreatorInput,
  type Platform,
} from "../creators";
import { CsvSyntaxError, parseCsv, type CsvRecord } from "./parse-csv";

const scalarSchema = creatorInputSchema.pick({ name: true, email: true, notes: true });

/** The most creators one import may hold; beyond it staff split the file. */
export const MAX_CREATOR_CSV_ROWS = 5000;

export interface CreatorCsvRow {
  /** First line of the creator in the file (header is line 1). */
  line: number;
  /** Every line merged into this creator (long form gives one line per platform). */
  lines: number[];
  input: CreatorInput;
}

export interface CreatorCsvError {
  line: number;
  /** The column as written in the file's header; null when the problem is the whole row. */
  field: string | null;
  message: string;
}

/** A problem with the file itself (syntax, header, size): no row is imported. */
export interface CreatorCsvFileError {
  line: number;
  message: string;
}

export interface CreatorCsvResult {
  rows: CreatorCsvRow[];
  errors: CreatorCsvError[];
  headerErrors: CreatorCsvFileError[];
  /** Header columns the import does not read (kept so the UI can say they were ignored). */
  ignoredColumns: string[];
}

type SimpleRole = "name" | "handle" | "email" | "notes" | "platforms" | "platform" | "followers" | "url";
type Column = { role: SimpleRole } | { role: "wide_followers" | "wide_url"; platform: Platform };

// A few spellings seen in exports from other tools; everything else is matched by its normalised name.
const SYNONYMS: Readonly<Record<string, SimpleRole>> = {
  name: "name",
  full_name: "name",
  handle: "handle",
  username: "handle",
  email: "email",
  e_mail: "email",
  email_address: "email",
  notes: "notes",
  platforms: "platforms",
  platform: "platform",
  followers: "followers",
  url: "url",
};

interface PlatformEntry {
  platform: Platform;
  followers: number;
  url: string | undefined;
  line: number;
  followersField: string;
  urlField: string | null;
}

interface RowDraft {
  line: number;
  name: string;
  handle: string;
  email: string;
  notes: string;
  entries: PlatformEntry[];
}

interface Group {
  first: RowDraft;
  lines: number[];
  entries: PlatformEntry[];
  failed: boolean;
}

interface HeaderMap {
  columns: Array<{ index: number; header: string; column: Column }>;
  byRole: Map<string, { index: number; header: string }>;
  ignored: string[];
  errors: string[];
}

/**
 * Reads a creators import. Columns: name, handle (required), email, notes, and platforms in any of three forms:
 * wide (`instagram_followers`, `tiktok_followers`, ... with optional `instagram_url`), a `platforms` cell
 * ("instagram:12000;tiktok:5000"), or long (`platform`, `followers`, `url`: one platform per row).
 * In long form, rows sharing a handle (case-insensitive) merge into one creator; their name, email and notes
 * must agree or be left blank. Otherwise a repeated handle is an error on the later row and the first row wins.
 * A creator with any error is left out of `rows`; blank rows are skipped; unknown columns are ignored and listed.
 */
export function parseCreatorCsv(text: string): CreatorCsvResult {
  const empty = (headerErrors: CreatorCsvFileError[], ignoredColumns: string[] = []): CreatorCsvResult => ({
    rows: [],
    errors: [],
    headerErrors,
    ignoredColumns,
  });

  let records: CsvRecord[];
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return empty([{ line: error.line, message: error.message }]);
    throw error;
  }

  const headerRecord = records[0];
  if (headerRecord === undefined || isBlank(headerRecord.fields)) {
    return empty([{ line: 1, message: "The file is empty: the first line must name the columns." }]);
  }
  const header = mapHeader(headerRecord.fields);
  if (header.errors.length > 0) {
    return empty(
      header.errors.map((message) => ({ line: headerRecord.line, message })),
      header.ignored,
    );
  }

  const dataRecords = records.slice(1).filter((record) => !isBlank(record.fields));
  if (dataRecords.length > MAX_CREATOR_CSV_ROWS) {
    const firstOver = dataRecords[MAX_CREATOR_CSV_ROWS];
    return empty(
      [
        {
          line: firstOver?.line ?? headerRecord.line,
          message: `The file has ${dataRecords.length} creators; the limit is ${MAX_CREATOR_CSV_ROWS} per import.`,
        },
      ],
      header.ignored,
    );
  }

  const longForm = header.byRole.has("platform");
  const headerWidth = headerRecord.fields.length;
  const errors: CreatorCsvError[] = [];
  const groups = new Map<string, Group>();
  const failedLines = new Set<number>();
  const fieldOf = (role: string): string => header.byRole.get(role)?.header ?? role;

  const reported = new Set<string>();
  const fail = (line: number, field: string | null, message: string) => {
    failedLines.add(line);
    const key = `${line}\u0000${field ?? ""}\u0000${message}`;
    if (reported.has(key)) return;
    reported.add(key);
    errors.push({ line, field, message });
  };

  for (const record of dataRecords) {
    const { line, fields } = record;
    const cell = (role: string): string => {
      const column = header.byRole.get(role);
      return column === undefined ? "" : (fields[column.index] ?? "").trim();
    };

    if (fields.length > headerWidth && !isBlank(fields.slice(headerWidth))) {
      fail(line, null, `This row has ${fields.length} values but the header has ${headerWidth} columns.`);
      continue;
    }

    const draft: RowDraft = {
      line,
      name: cell("name"),
      handle: cell("handle"),
      email: cell("email"),
      notes: cell("notes"),
      entries: [],
    };
    readPlatformEntries(draft, cell, fieldOf, header, fail);

    const handle = normalizeHandle(draft.handle);
    const key = handle.ok ? handleKey(handle.handle) : null;
    const group = key === null ? undefined : groups.get(key);
    // A continuation row may leave name, email and notes blank; they are compared with the first row instead.
    if (!(longForm && group !== undefined)) {
      const scalars = scalarSchema.safeParse({ name: draft.name, email: draft.email, notes: draft.notes });
      if (!scalars.success) {
        for (const issue of scalars.error.issues) {
          const [top] = issue.path;
          fail(line, typeof top === "string" ? fieldOf(top) : null, issue.message);
        }
      }
    }
    if (!handle.ok || key === null) {
      if (!handle.ok) fail(line, fieldOf("handle"), handle.message);
      continue;
    }
    draft.handle = handle.handle;

    if (group === undefined) {
      groups.set(key, { first: draft, lines: [line], entries: [...draft.entries], failed: false });
      continue;
    }
    if (!longForm) {
      fail(line, fieldOf("handle"), `Duplicate handle @${handle.handle}: already on line ${group.first.line}.`);
      continue;
    }
    // Long form: a further platform of a creator already seen.
    group.lines.push(line);
    mergeContinuation(group, draft, fieldOf, fail);
  }

  const rows: CreatorCsvRow[] = [];
  for (const group of groups.values()) {
    const { first } = group;
    const parsed = creatorInputSchema.safeParse({
      name: first.name,
      handle: first.handle,
      email: first.email,
      notes: first.notes,
      platforms: group.entries.map(({ platform, followers, url }) => ({ platform, followers, url })),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [top, index, leaf] = issue.path;
        if (top === "platforms" && typeof index === "number") {
          const entry = group.entries[index];
          if (entry !== undefined) {
            const field = leaf === "url" ? (entry.urlField ?? fieldOf("url")) : entry.followersField;
            fail(entry.line, field, issue.message);
            continue;
          }
        }
        fail(first.line, typeof top === "string" ? fieldOf(top) : null, issue.message);
      }
      continue;
    }
    if (group.lines.some((line) => failedLines.has(line))) continue;
    rows.push({ line: first.line, lines: group.lines, input: parsed.data });
  }

  errors.sort((a, b) => a.line - b.line);
  return { rows, errors, headerErrors: [], ignoredColumns: header.ignored };
}

function isBlank(fields: ReadonlyArray<string>): boolean {
  return fields.every((field) => field.trim() === "");
}

function normalizeHeader(raw: string): string {
  return raw.trim().toLowerCase().replace(/[\s-]+/g, "_");
}

function mapHeader(headers: ReadonlyArray<string>): HeaderMap {
  const map: HeaderMap = { columns: [], byRole: new Map(), ignored: [], errors: [] };
  headers.forEach((raw, index) => {
    const header = raw.trim();
    const key = normalizeHeader(raw);
    let column: Column | null = null;
    const role = Object.hasOwn(SYNONYMS, key) ? SYNONYMS[key] : undefined;
    if (role !== undefined) {
      column = { role };
    } else {
      const wide = /^(.+)_(followers|url)$/.exec(key);
      const platform = wide?.[1] === undefined ? null : parsePlatform(wide[1]);
      if (wide !== null && platform !== null) {
        column = { role: wide[2] === "followers" ? "wide_followers" : "wide_url", platform };
      }
    }
    if (column === null) {
      if (header !== "") map.ignored.push(header);
      return;
    }
    const roleKey = "platform" in column ? `${column.role}:${column.platform}` : column.role;
    const previous = map.byRole.get(roleKey);
    if (previous !== undefined) {
      map.errors.push(`Columns "${previous.header}" and "${header}" both give the same information.`);
      return;
    }
    map.byRole.set(roleKey, { index, header });
    map.columns.push({ index, header, column });
  });

  if (!map.byRole.has("name")) map.errors.push('A "name" column is required.');
  if (!map.byRole.has("handle")) map.errors.push('A "handle" column is required.');
  const hasPlatform = map.byRole.has("platform");
  if (hasPlatform !== map.byRole.has("followers")) {
    map.errors.push('The "platform" and "followers" columns go together: one row per platform.');
  }
  if (map.byRole.has("url") && !hasPlatform) {
    map.errors.push('A "url" column needs a "platform" column; use e.g. "instagram_url" otherwise.');
  }
  for (const { column, header } of map.columns) {
    if (column.role === "wide_url" && !map.byRole.has(`wide_followers:${column.platform}`)) {
      map.errors.push(`Column "${header}" needs a "${column.platform}_followers" column.`);
    }
  }
  return map;
}

type Fail = (line: number, field: string | null, message: string) => void;

/** Reads followers as staff write them in a spreadsheet; null (after reporting) when unusable. */
function parseFollowers(raw: string): { ok: true; value: number } | { ok: false; message: string } {
  if (/^\d+$/.test(raw)) {
    const value = Number(raw);
    if (value > MAX_FOLLOWERS) return { ok: false, message: `Followers ${raw} is implausibly large.` };
    return { ok: true, value };
  }
  if (/^-\s*\d+([.,]\d+)?$/.test(raw)) return { ok: false, message: `Followers cannot be negative (${raw}).` };
  if (/^\d+[.,]\d+$/.test(raw)) {
    return { ok: false, message: `Followers must be a whole number without separators (${raw}).` };
  }
  return { ok: false, message: `Followers must be a whole number like 12000 (got "${raw}").` };
}

function readPlatformEntries(
  draft: RowDraft,
  cell: (role: string) => string,
  fieldOf: (role: string) => string,
  header: HeaderMap,
  fail: Fail,
): void {
  const { line } = draft;
  const add = (entry: Omit<PlatformEntry, "line">, field: string) => {
    if (draft.entries.some((existing) => existing.platform === entry.platform)) {
      fail(line, field, `${entry.platform} is given more than once on this row.`);
      return;
    }
    draft.entries.push({ ...entry, line });
  };

  for (const { column, header: field } of header.columns) {
    if (column.role !== "wide_followers") continue;
    const raw = cell(`wide_followers:${column.platform}`);
    const urlColumn = header.byRole.get(`wide_url:${column.platform}`);
    const url = cell(`wide_url:${column.platform}`);
    if (raw === "") {
      if (url !== "") fail(line, field, `${column.platform} followers are required when a ${column.platform} URL is given.`);
      continue;
    }
    const followers = parseFollowers(raw);
    if (!followers.ok) {
      fail(line, field, followers.message);
      continue;
    }
    add(
      {
        platform: column.platform,
        followers: followers.value,
        url: url === "" ? undefined : url,
        followersField: field,
        urlField: urlColumn?.header ?? null,
      },
      field,
    );
  }

  if (header.byRole.has("platforms")) {
    const field = fieldOf("platforms");
    for (const part of cell("platforms").split(";")) {
      const item = part.trim();
      if (item === "") continue;
      const colon = item.indexOf(":");
      if (colon === -1) {
        fail(line, field, `"${item}" should read platform:followers, e.g. instagram:12000.`);
        continue;
      }
      const name = item.slice(0, colon).trim();
      const platform = parsePlatform(name);
      if (platform === null) {
        fail(line, field, unknownPlatform(name));
        continue;
      }
      const followers = parseFollowers(item.slice(colon + 1).trim());
      if (!followers.ok) {
        fail(line, field, `${platform}: ${followers.message}`);
        continue;
      }
      add({ platform, followers: followers.value, url: undefined, followersField: field, urlField: null }, field);
    }
  }

  if (header.byRole.has("platform")) {
    const name = cell("platform");
    const raw = cell("followers");
    const url = cell("url");
    if (name === "") {
      if (raw !== "" || url !== "") fail(line, fieldOf("platform"), "Platform is required when followers or a URL are given.");
      return;
    }
    const platform = parsePlatform(name);
    if (platform === null) {
      fail(line, fieldOf("platform"), unknownPlatform(name));
      return;
    }
    if (raw === "") {
      fail(line, fieldOf("followers"), `Followers are required for ${platform}.`);
      return;
    }
    const followers = parseFollowers(raw);
    if (!followers.ok) {
      fail(line, fieldOf("followers"), followers.message);
      return;
    }
    add(
      {
        platform,
        followers: followers.value,
        url: url === "" ? undefined : url,
        followersField: fieldOf("followers"),
        urlField: header.byRole.has("url") ? fieldOf("url") : null,
      },
      fieldOf("platform"),
    );
  }
}

function unknownPlatform(name: string): string {
  return `Unknown platform "${name}". Use one of: ${PLATFORMS.join(", ")}.`;
}

function mergeContinuation(group: Group, draft: RowDraft, fieldOf: (role: string) => string, fail: Fail): void {
  const { first } = group;
  const conflicts: Array<[role: "name" | "email" | "notes", same: (a: string, b: string) => boolean]> = [
    ["name", (a, b) => a === b],
    ["email", (a, b) => a.toLowerCase() === b.toLowerCase()],
    ["notes", (a, b) => a === b],
  ];
  for (const [role, same] of conflicts) {
    const value = draft[role];
    if (value !== "" && !same(value, first[role])) {
      fail(draft.line, fieldOf(role), `The ${role} differs from line ${first.line} for the same handle; leave it blank or repeat it.`);
    }
  }
  for (const entry of draft.entries) {
    const earlier = group.entries.find((existing) => existing.platform === entry.platform);
    if (earlier !== undefined) {
      fail(draft.line, entry.followersField, `${entry.platform} is already given for @${first.handle} on line ${earlier.line}.`);
      continue;
    }
    group.entries.push(entry);
  }
}
