// Prisma CLI configuration. Prisma runs in its Rust-free mode ("js" engine + driver adapters):
// its native engines cannot be downloaded on every machine, and the same adapters serve the app.
// The provider follows DATABASE_URL: file:… is SQLite (libSQL), postgres(ql)://… is PostgreSQL.
import { defineConfig } from "prisma/config";
import { databaseTarget, createMigrationAdapterFactory } from "./app/db/database-target.server.mjs";

const target = databaseTarget(process.env.DATABASE_URL);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: target.schemaPath,
  migrations: { path: target.migrationsPath },
  adapter: async () => createMigrationAdapterFactory(target),
});
