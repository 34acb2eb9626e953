// `npm run db:twin`: writes prisma/postgresql/schema.prisma from prisma/schema.prisma.
// Then `DATABASE_URL=postgresql://… npm run db:migration -- <name>` writes the twin's migration.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { postgresTwin, twinPaths } from "./lib/postgres-twin.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { source, twin } = twinPaths(root);
fs.mkdirSync(path.dirname(twin), { recursive: true });
fs.writeFileSync(twin, postgresTwin(fs.readFileSync(source, "utf8")));
console.log(`Wrote ${path.relative(root, twin)}`);
