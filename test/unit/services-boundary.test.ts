import { describe, expect, it } from "vitest";
import { ESLint } from "eslint";

// The lint rule that keeps Prisma out of app/services must reject what it promises to reject, and
// let through what a service needs to pass the client on and open a unit of work.
const eslint = new ESLint({ cwd: process.cwd() });
const BOUNDARY_RULES = new Set(["no-restricted-syntax", "@typescript-eslint/no-restricted-imports"]);

async function boundaryErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId && BOUNDARY_RULES.has(m.ruleId)).map((m) => m.message);
}

const SERVICE = "app/services/example.server.ts";

describe("GIVEN a module in app/services", () => {
  it.each([
    [
      'import { PrismaClient } from "@prisma/client";\nexport const c = new PrismaClient();',
      "import the client as a type only",
    ],
    ['import { PrismaPg } from "@prisma/adapter-pg";\nexport const a = PrismaPg;', "only through app/db"],
    ['import prisma from "../db.server";\nexport const p = prisma;', "take the client as a parameter"],
    ['import prisma from "~/db.server";\nexport const p = prisma;', "take the client as a parameter"],
    ['import type { Evidence } from "@prisma/client";\nexport type E = Evidence;', "rows are parsed into domain types"],
    [
      'import type { Prisma } from "@prisma/client";\nexport type W = Prisma.ClaimWhereInput;',
      "Prisma's generated types stay in app/db",
    ],
    [
      'import type { PrismaClient } from "@prisma/client";\nexport const f = (db: PrismaClient) => db.claim.findMany();',
      "call a function in app/db",
    ],
    [
      'import type { Prisma } from "@prisma/client";\nexport const f = (tx: Prisma.TransactionClient) => tx.evidence.count();',
      "call a function in app/db",
    ],
    [
      'export const f = (client: { $queryRawUnsafe(q: string): unknown }) => client.$queryRawUnsafe("SELECT 1");',
      "raw SQL lives in app/db",
    ],
    [
      'import { databaseTarget } from "../../scripts/lib/database-target.mjs";\nexport const t = databaseTarget;',
      "app/ does not import from scripts/",
    ],
  ])("WHEN it says %s THEN lint rejects it", async (code, reason) => {
    const errors = await boundaryErrors(SERVICE, `${code}\n`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(reason);
  });

  it("WHEN it takes the client as a type, opens a transaction and hands tx to app/db THEN lint accepts it", async () => {
    const code = [
      'import type { Prisma, PrismaClient } from "@prisma/client";',
      'import { insertClaim } from "../db/claims.server";',
      "type Tx = Prisma.TransactionClient;",
      "export const f = (db: PrismaClient) => db.$transaction((tx: Tx) => insertClaim(tx));",
      "",
    ].join("\n");
    expect(await boundaryErrors(SERVICE, code)).toEqual([]);
  });
});

describe("GIVEN a module in app/db", () => {
  it("WHEN it queries Prisma directly THEN lint accepts it (that is where queries live)", async () => {
    const code =
      'import type { PrismaClient } from "@prisma/client";\nexport const f = (db: PrismaClient) => db.claim.findMany();\n';
    expect(await boundaryErrors("app/db/example.server.ts", code)).toEqual([]);
  });
});

describe("GIVEN a module elsewhere in app/", () => {
  it("WHEN it imports from scripts/ THEN lint rejects it", async () => {
    const code =
      'import { databaseTarget } from "../scripts/lib/database-target.mjs";\nexport const t = databaseTarget;\n';
    const [result] = await eslint.lintText(code, { filePath: "app/db.server.ts" });
    const messages = (result?.messages ?? []).map((m) => m.message);
    expect(messages).toEqual([
      "'../scripts/lib/database-target.mjs' import is restricted from being used by a pattern. app/ does not import from scripts/.",
    ]);
  });
});
