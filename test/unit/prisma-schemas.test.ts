import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { derivePostgresSchema } from "../../scripts/db.mjs";

// SQLite and PostgreSQL share one schema; each provider has its own migrations, authored by
// `npm run db:migration -- NAME`, which snapshots the schema each migration produces.
const read = (p: string) => readFileSync(p, "utf8");
const latestSnapshot = (dir: string) => {
  const latest = readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .pop();
  return read(join(dir, latest!, "schema.prisma"));
};

describe("database schemas and migrations", () => {
  it("prisma/postgresql/schema.prisma is derived from prisma/schema.prisma (run `node scripts/db.mjs sync`)", () => {
    expect(read("prisma/postgresql/schema.prisma")).toBe(derivePostgresSchema(read("prisma/schema.prisma")));
  });

  it("only the provider differs between the two schemas", () => {
    const pgSchema = read("prisma/postgresql/schema.prisma");
    expect(pgSchema).toContain('provider = "postgresql"');
    expect(pgSchema).not.toContain('provider = "sqlite"');
  });

  it.each([
    ["prisma/schema.prisma", "prisma/migrations"],
    ["prisma/postgresql/schema.prisma", "prisma/postgresql/migrations"],
  ])("%s has a migration for its latest change (run `npm run db:migration -- NAME`)", (schema, migrations) => {
    expect(latestSnapshot(migrations)).toBe(read(schema));
  });

  it("both providers have the same migrations", () => {
    const names = (dir: string) =>
      readdirSync(dir)
        .filter((n) => n !== "migration_lock.toml")
        .sort();
    expect(names("prisma/postgresql/migrations")).toEqual(names("prisma/migrations"));
  });
});
