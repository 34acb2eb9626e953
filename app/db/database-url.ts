import path from "node:path";

export type DatabaseTarget =
  | { provider: "sqlite"; filePath: string; url: string }
  | { provider: "postgresql"; url: string };

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.db";

/** Reads DATABASE_URL: `file:` chooses SQLite (path relative to `cwd`), `postgres(ql)://` PostgreSQL. */
export function parseDatabaseUrl(raw: string, cwd: string = process.cwd()): DatabaseTarget {
  const value = raw.trim();
  if (value.startsWith("file:")) {
    const rest = value.slice("file:".length).split("?")[0] ?? "";
    if (rest === "" ) throw new Error(`DATABASE_URL "${raw}" names no SQLite file`);
    if (rest === ":memory:") return { provider: "sqlite", filePath: ":memory:", url: "file::memory:" };
    const filePath = path.resolve(cwd, rest);
    return { provider: "sqlite", filePath, url: `file:${filePath}` };
  }
  if (/^postgres(ql)?:\/\//.test(value)) {
    try {
      new URL(value);
    } catch {
      throw new Error(`DATABASE_URL is not a valid PostgreSQL URL`);
    }
    return { provider: "postgresql", url: value };
  }
  throw new Error(`DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL)`);
}
