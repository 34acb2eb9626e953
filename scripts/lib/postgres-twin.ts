// prisma/postgresql/schema.prisma is generated from prisma/schema.prisma (the SQLite source), never
// edited by hand: only the datasource provider and the client's output folder differ.
import fs from "node:fs";
import path from "node:path";

export const TWIN_HEADER =
  "// GENERATED from prisma/schema.prisma by `npm run db:twin`. Do not edit: change the source and regenerate.\n";

/** The PostgreSQL twin of the SQLite schema source. */
export function postgresTwin(source: string): string {
  const datasource = /datasource db \{[^}]*provider\s*=\s*"sqlite"[^}]*\}/;
  const output = /(generator client \{[^}]*output\s*=\s*)"\.\.\/app\/generated\/prisma"/;
  if (!datasource.test(source)) throw new Error('prisma/schema.prisma must declare datasource db { provider = "sqlite" }');
  if (!output.test(source)) throw new Error('prisma/schema.prisma must generate the client to "../app/generated/prisma"');
  return (
    TWIN_HEADER +
    source
      .replace(datasource, (block) => block.replace('"sqlite"', '"postgresql"'))
      .replace(output, '$1"../../app/generated/prisma-postgresql"')
  );
}

export function twinPaths(root: string) {
  return {
    source: path.join(root, "prisma/schema.prisma"),
    twin: path.join(root, "prisma/postgresql/schema.prisma"),
  };
}

/** True when the committed twin is what the source generates. */
export function twinIsFresh(root: string): boolean {
  const { source, twin } = twinPaths(root);
  return fs.existsSync(twin) && fs.readFileSync(twin, "utf8") === postgresTwin(fs.readFileSync(source, "utf8"));
}
