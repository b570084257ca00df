import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@libsql/client";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db.server";
import { databaseTarget } from "../../app/db/database-target.server.mjs";

// The app's SQLite connection journals ahead (WAL): with the rollback journal every commit synced
// the file several times inside the synchronous driver and stalled the event loop (~16 ms a
// transaction, npm run bench). See app/db/database-target.server.mjs.

const target = databaseTarget(process.env.DATABASE_URL);

/** The journal mode a file is in, as a separate connection (another process) sees it. */
async function journalModeOf(file: string): Promise<unknown> {
  const other = createClient({ url: `file:${file}` });
  try {
    return (await other.execute("PRAGMA journal_mode")).rows[0]?.[0];
  } finally {
    other.close();
  }
}

describe.runIf(target.provider === "sqlite")("the app's SQLite journal", () => {
  it("GIVEN a database file in the rollback journal WHEN the app's client first uses it THEN the file journals ahead, for every connection, and a commit is read by another", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wd-journal-"));
    try {
      const file = join(dir, "app.sqlite");
      const setup = createClient({ url: `file:${file}` });
      await setup.execute("CREATE TABLE Note (id TEXT PRIMARY KEY)");
      setup.close();
      expect(await journalModeOf(file)).toBe("delete");

      const db = createPrismaClient(`file:${file}`);
      await db.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO Note (id) VALUES ('committed')`;
      });

      expect(await journalModeOf(file)).toBe("wal");
      const other = createClient({ url: `file:${file}` });
      expect((await other.execute("SELECT id FROM Note")).rows.map((row) => row[0])).toEqual(["committed"]);
      other.close();
      await db.$disconnect();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
