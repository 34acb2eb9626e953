// Applies and writes Prisma migrations without network access.
// The Prisma CLI downloads a native schema engine on first use, which fails offline; this drives the
// same engine compiled to WebAssembly (@prisma/schema-engine-wasm, pinned to @prisma/engines-version)
// through the app's driver adapter. The migration folders are the ordinary Prisma ones, so
// `prisma migrate deploy` works on them too where the CLI can download its engine.
//
//   tsx scripts/migrate.ts apply                 apply pending migrations to DATABASE_URL
//   tsx scripts/migrate.ts create <name>         write a migration from the schema diff
//   options: --schema <file> --migrations <dir>  (defaults follow DATABASE_URL's provider)
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations, createMigration } from "./lib/schema-engine.ts";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from "../app/db/database-url.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const [command, name] = process.argv.slice(2).filter((a, i, all) => !a.startsWith("--") && !all[i - 1]?.startsWith("--"));
  const target = parseDatabaseUrl(process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL, root);
  const base = target.provider === "sqlite" ? "prisma" : "prisma/postgresql";
  const schemaPath = path.resolve(root, option("schema") ?? `${base}/schema.prisma`);
  const migrationsDir = path.resolve(root, option("migrations") ?? `${base}/migrations`);

  if (command === "apply") {
    if (target.provider === "sqlite") fs.mkdirSync(path.dirname(target.filePath), { recursive: true });
    const applied = await applyMigrations({ target, schemaPath, migrationsDir });
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
    return;
  }
  if (command === "create") {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Usage: npm run db:migration -- <name> (lower case, digits, _)");
    const written = await createMigration({ target, schemaPath, migrationsDir, name });
    console.log(written ? `Wrote ${path.relative(root, written)}` : "No schema change: no migration written.");
    return;
  }
  throw new Error("Usage: tsx scripts/migrate.ts apply | create <name>");
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
