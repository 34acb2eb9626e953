// Generates the Prisma client offline.
// The CLI wants a native schema engine that it downloads on first use; `generate` never runs it,
// so any existing file satisfies the check and no download is attempted.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const schema = process.argv[2] ?? "prisma/schema.prisma";
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
};
const result = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--schema", schema],
  { cwd: root, env, stdio: "inherit" },
);
process.exit(result.status ?? 1);
