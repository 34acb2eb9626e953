// Generates the Prisma clients offline: app/generated/prisma (SQLite) and
// app/generated/prisma-postgresql (PostgreSQL, from the generated twin schema); DATABASE_URL picks
// which one the app uses at run time.
// The CLI wants a native schema engine that it downloads on first use; `generate` never runs it,
// so any existing file satisfies the check and no download is attempted.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schemas = process.argv.slice(2).length ? process.argv.slice(2) : ["prisma/schema.prisma", "prisma/postgresql/schema.prisma"];
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
for (const schema of schemas) {
  if (!fs.existsSync(path.join(root, schema))) continue;
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--schema", schema], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
