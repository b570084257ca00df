// Which database a DATABASE_URL points at, and where that provider's schema and migrations live.
// Shared by prisma.config.ts, scripts/db.mjs, app/db.server.ts and the test setup, so the rule
// "file: is SQLite, postgres(ql): is PostgreSQL" lives in one place.
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

export const DEFAULT_DATABASE_URL = "file:./prisma/dev.sqlite";
// The PostgreSQL server the development machines and CI run (trust auth, database `test`).
export const LOCAL_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test";

/** @param {string | undefined} url */
export function databaseTarget(url) {
  const databaseUrl = url && url.trim() !== "" ? url.trim() : DEFAULT_DATABASE_URL;
  if (databaseUrl.startsWith("file:")) {
    return {
      provider: "sqlite",
      url: databaseUrl,
      schemaPath: "prisma/schema.prisma",
      migrationsPath: "prisma/migrations",
    };
  }
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) {
    return {
      provider: "postgresql",
      url: databaseUrl,
      schemaPath: "prisma/postgresql/schema.prisma",
      migrationsPath: "prisma/postgresql/migrations",
    };
  }
  throw new Error(
    `DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); got "${databaseUrl.split(":")[0]}:…".`,
  );
}

/** @param {{ provider: string, url: string }} target */
export function createAdapterFactory(target) {
  return target.provider === "sqlite"
    ? new PrismaLibSQL({ url: target.url })
    : new PrismaPg({ connectionString: target.url });
}

// Prisma Migrate's schema engine reads PostgreSQL catalog columns of type `name` (oid 19), which
// @prisma/adapter-pg 6.19 cannot map (prisma/prisma#27403), so every migrate command fails.
// `name` is text with a 63-byte limit: reporting it as text (oid 25) is exact. Only the Prisma
// CLI uses this; the app's queries never return catalog types.
const PG_NAME_OID = 19;
const PG_TEXT_OID = 25;
const nameAsText = (res) => {
  for (const field of res?.fields ?? []) if (field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
  return res;
};
class CatalogNameAsTextClient extends pg.Client {
  query(...args) {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last];
      args[last] = (err, res) => callback(err, err ? res : nameAsText(res));
    }
    const result = super.query(...args);
    if (result && typeof result.then === "function") {
      return result.then(nameAsText);
    }
    return result;
  }
}

/** @param {{ provider: string, url: string }} target */
export function createMigrationAdapterFactory(target) {
  if (target.provider === "sqlite") return createAdapterFactory(target);
  const pool = new pg.Pool({ connectionString: target.url, Client: CatalogNameAsTextClient });
  return new PrismaPg(pool, { disposeExternalPool: true });
}
