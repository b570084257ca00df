// Which database a DATABASE_URL points at, and where that provider's schema and migrations live.
// Shared by prisma.config.ts, scripts/db.mjs, app/db.server.ts and the test setup, so the rule
// "file: is SQLite, postgres(ql): is PostgreSQL" lives in one place.
import { LibsqlError } from "@libsql/client";
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

// PostgreSQL: the most connections one client's pool opens (pg's default, made explicit). A
// transaction holds one until it ends; the others wait for it in the pool's queue.
export const POSTGRES_POOL_SIZE = 10;

/** @param {{ provider: string, url: string }} target */
export function createAdapterFactory(target) {
  return target.provider === "sqlite"
    ? new WriteAheadLogLibSQL({ url: target.url })
    : new PrismaPg({ connectionString: target.url, max: POSTGRES_POOL_SIZE });
}

// SQLite on one connection per client. @libsql/client's transaction() hands its connection to the
// transaction and opens a new one for itself, and @prisma/adapter-libsql 6.19 commits or rolls
// back that transaction without ever closing its connection: every interactive transaction left a
// database open (a descriptor, a page cache) until garbage collection, thousands under a burst of
// webhooks. The adapter already holds its lock from a transaction's start to its end, so nothing
// else can use the connection meanwhile: the transaction runs on the client's own connection, and
// anything that breaks that assumption fails instead of running inside another's transaction.
// Only what the adapter calls is implemented. See docs/decisions/003-databases.md.
class OneConnectionLibSQL extends PrismaLibSQL {
  /** @param {import("@libsql/client").Config} config */
  createClient(config) {
    return new OneConnectionClient(super.createClient(config));
  }
}

// The app's connection journals ahead (WAL). With the default rollback journal every COMMIT
// synced the database file and the journal several times, inside the synchronous driver, so the
// event loop stood still for ~16 ms per transaction (42% of the app's time in a burst of 10,000
// webhooks, npm run bench); in WAL a commit appends to the log and syncs it once (synchronous stays
// FULL: an acknowledged webhook survives a power cut). The mode is kept in the file and applies to
// every process on it. The sqlite3 client runs the statement before execute() returns, so it
// precedes every query; if it cannot switch (another process holds the file, or ":memory:"), the
// file keeps its journal and works as before. Not for the Prisma CLI's connection: its database
// file is copied as it is (the test template), which a log not yet written back would miss.
class WriteAheadLogLibSQL extends OneConnectionLibSQL {
  /** @param {import("@libsql/client").Config} config */
  createClient(config) {
    const client = super.createClient(config);
    void client.execute("PRAGMA journal_mode = WAL").catch(() => {});
    return client;
  }
}

const BEGIN = { write: "BEGIN IMMEDIATE", read: "BEGIN TRANSACTION READONLY", deferred: "BEGIN DEFERRED" };

class OneConnectionClient {
  #client;
  /** @type {OneConnectionTransaction | null} */
  #transaction = null;

  /** @param {import("@libsql/client").Client} client */
  constructor(client) {
    this.#client = client;
  }

  get closed() {
    return this.#client.closed;
  }

  get protocol() {
    return this.#client.protocol;
  }

  #assertNoTransaction() {
    if (this.#transaction !== null) {
      throw new LibsqlError(
        "the connection is inside a transaction: statements must wait for it to end",
        "TRANSACTION_IN_PROGRESS",
      );
    }
  }

  execute(...args) {
    this.#assertNoTransaction();
    return this.#client.execute(...args);
  }

  executeMultiple(sql) {
    this.#assertNoTransaction();
    return this.#client.executeMultiple(sql);
  }

  /** @param {"write" | "read" | "deferred"} mode */
  async transaction(mode = "write") {
    this.#assertNoTransaction();
    await this.#client.execute(BEGIN[mode]);
    const transaction = new OneConnectionTransaction(this.#client, () => {
      if (this.#transaction === transaction) this.#transaction = null;
    });
    this.#transaction = transaction;
    return transaction;
  }

  close() {
    this.#client.close();
  }
}

class OneConnectionTransaction {
  #client;
  #onEnd;
  #ended = false;

  /** @param {import("@libsql/client").Client} client @param {() => void} onEnd */
  constructor(client, onEnd) {
    this.#client = client;
    this.#onEnd = onEnd;
  }

  get closed() {
    return this.#ended;
  }

  #assertOpen() {
    if (this.#ended) throw new LibsqlError("The transaction is closed", "TRANSACTION_CLOSED");
  }

  #end() {
    this.#ended = true;
    this.#onEnd();
  }

  async execute(...args) {
    this.#assertOpen();
    return this.#client.execute(...args);
  }

  async commit() {
    this.#assertOpen();
    try {
      await this.#client.execute("COMMIT");
    } catch (error) {
      // A failed COMMIT (SQLITE_BUSY) leaves the transaction open: end it, or the connection's
      // next statements would run inside it.
      await this.#client.execute("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      this.#end();
    }
  }

  async rollback() {
    if (this.#ended) return;
    try {
      await this.#client.execute("ROLLBACK");
    } finally {
      this.#end();
    }
  }

  close() {
    if (this.#ended) return;
    // The sqlite3 client runs the statement before execute() returns its promise.
    void this.#client.execute("ROLLBACK").catch(() => {});
    this.#end();
  }
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
  if (target.provider === "sqlite") return new OneConnectionLibSQL({ url: target.url });
  const pool = new pg.Pool({ connectionString: target.url, Client: CatalogNameAsTextClient });
  return new PrismaPg(pool, { disposeExternalPool: true });
}
