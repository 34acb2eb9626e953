// Read by the Prisma CLI only (generate, and `migrate` for developers who have network access).
// The app itself builds its client from app/db.server.ts with a driver adapter.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./prisma/dev.db" },
});
