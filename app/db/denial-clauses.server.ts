import type { Prisma, PrismaClient } from "@prisma/client";
import { DenialClauseIdSchema } from "../domain/claim-lifecycle/claim-state";
import { ClauseWordsSchema, type StoredClause } from "../domain/denial-clauses";

// The shop's denial clauses where they differ from the guarantee's defaults (app/domain/denial-clauses.ts):
// edited or retired defaults and the shop's own clauses, oldest first. A row that fails its schema is our 500.

type Db = PrismaClient | Prisma.TransactionClient;

export async function listStoredClauses(db: Db, shop: string): Promise<StoredClause[]> {
  const rows = await db.denialClause.findMany({
    where: { shop },
    orderBy: [{ createdAt: "asc" }, { clauseId: "asc" }],
  });
  return rows.map((row) => ({
    clauseId: DenialClauseIdSchema.parse(row.clauseId),
    label: row.label,
    words: ClauseWordsSchema.parse(JSON.parse(row.wordsJson)),
    retired: row.retiredAt !== null,
  }));
}

/** Writes the clause's label and words; `retired` sets or clears when it was retired. */
export async function writeStoredClause(db: Db, shop: string, clause: StoredClause, now: Date): Promise<void> {
  const data = {
    label: clause.label,
    wordsJson: JSON.stringify(ClauseWordsSchema.parse(clause.words)),
    retiredAt: clause.retired ? now : null,
  };
  await db.denialClause.upsert({
    where: { shop_clauseId: { shop, clauseId: clause.clauseId } },
    create: { shop, clauseId: clause.clauseId, ...data },
    update: data,
  });
}
