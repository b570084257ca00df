import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { z, ZodError } from "zod";
import { listStoredClauses, writeStoredClause } from "../db/denial-clauses.server";
import type { Prisma } from "@prisma/client";
import { ClauseWordsSchema, shopClauses, type ShopClause } from "../domain/denial-clauses";
import { parseRequestInput, RequestInputError } from "../utils/request-input.server";

// Settings, Denial clauses: the guarantee's clauses as the shop words them, and its own. The
// merchant edits a clause's label and words, adds a clause, retires one (no longer offered when
// denying) or brings it back. Denials keep the words they were sent with (decide.server.ts), so
// nothing here changes what a denied shopper was told.

type Db = PrismaClient | Prisma.TransactionClient;

/** Every clause of the shop, retired ones too. */
export async function loadShopClauses(db: Db, shop: string): Promise<ShopClause[]> {
  return shopClauses(await listStoredClauses(db, shop));
}

/** The clauses a merchant may cite when denying now. */
export async function activeShopClauses(db: Db, shop: string): Promise<ShopClause[]> {
  return (await loadShopClauses(db, shop)).filter((clause) => !clause.retired);
}

const label = z
  .string()
  .trim()
  .min(1, "name the clause as you pick it when denying")
  .max(80, "keep it under 80 characters");
const clauseId = z.string().min(1, "name the clause");

const ChangeClauseSchema = z.discriminatedUnion(
  "intent",
  [
    z.strictObject({
      intent: z.literal("save"),
      /** Left out for a new clause of the shop's own. */
      clauseId: clauseId.optional(),
      label,
      words: ClauseWordsSchema.shape.words,
      translations: ClauseWordsSchema.shape.translations,
    }),
    z.strictObject({ intent: z.literal("retire"), clauseId }),
    z.strictObject({ intent: z.literal("restore"), clauseId }),
  ],
  { error: 'choose "save", "retire" or "restore"' },
);

const badField = (path: (string | number)[], message: string) =>
  new RequestInputError(new ZodError([{ code: "custom", path, message, input: undefined }]));

export async function changeDenialClause(
  db: PrismaClient,
  shop: string,
  body: unknown,
  now: Date,
): Promise<{ ok: true; message: string; clauseId: string }> {
  const input = parseRequestInput(ChangeClauseSchema, body);
  const clauses = await loadShopClauses(db, shop);
  if (input.intent === "save" && input.clauseId === undefined) {
    const id = `custom_${randomUUID().replaceAll("-", "").slice(0, 20)}` as const;
    const words = { words: input.words, translations: input.translations };
    await writeStoredClause(db, shop, { clauseId: id, label: input.label, words, retired: false }, now);
    return { ok: true, message: `Clause “${input.label}” added; you can cite it when denying`, clauseId: id };
  }
  const clause = clauses.find((entry) => entry.reason === input.clauseId);
  if (!clause) throw badField(["clauseId"], "this clause is not one of your clauses: reload the page");
  const stored = { clauseId: clause.reason, label: clause.label, words: clause.words, retired: clause.retired };
  switch (input.intent) {
    case "save": {
      const words = { words: input.words, translations: input.translations };
      await writeStoredClause(db, shop, { ...stored, label: input.label, words }, now);
      return {
        ok: true,
        message: `Clause “${input.label}” saved; denials already sent keep their words`,
        clauseId: clause.reason,
      };
    }
    case "retire":
      // "Other" is how a merchant denies for a reason no clause names: always offered.
      if (clause.reason === "other") {
        throw badField(["clauseId"], "“Other” cannot be retired: it is how you deny for a reason no clause names");
      }
      await writeStoredClause(db, shop, { ...stored, retired: true }, now);
      return {
        ok: true,
        message: `Clause “${clause.label}” retired; claims denied with it keep its words`,
        clauseId: clause.reason,
      };
    case "restore":
      await writeStoredClause(db, shop, { ...stored, retired: false }, now);
      return { ok: true, message: `Clause “${clause.label}” is offered again when denying`, clauseId: clause.reason };
  }
}
