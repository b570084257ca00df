import type { PrismaClient } from "@prisma/client";
import type { z } from "zod";
import type { StoredClaim } from "../../db/claims.server";
import type { Actor } from "../../domain/claim-lifecycle/claim-state";
import type { AdminGraphql } from "../../shopify/admin-client.server";

// One claim page action: the `intent` the page posts, the schema of what it sends besides the
// intent and the version it saw, when the claim allows it, and what it does. The route knows
// none of them by name; `claim-page-actions.server.ts` lists them.

export interface ClaimActionContext {
  db: PrismaClient;
  graphql: AdminGraphql;
  shop: string;
  claimId: string;
  actor: Actor;
  now: Date;
  /** The claim's version the merchant saw; acting on a newer one is a conflict. */
  version: number;
}

/** What the merchant is told when the action is done: an App Bridge toast, with a link when Shopify changed. */
export interface ClaimActionOutcome {
  message: string;
  /** Shopify's admin page of what changed (the order, its refund, the replacement order). */
  link?: { label: string; url: string };
  /** When part of it did not happen (a replacement refunded instead, no Shopify return opened): said on the page. */
  notices?: string[];
}

export interface ClaimActionDefinition<Intent extends string, Input> {
  intent: Intent;
  /** The body's fields besides `intent` and `version`; a bad one is the merchant's 400 naming it. */
  input: z.ZodType<Input>;
  /** Whether the claim, as stored, allows this action now (the page shows only those). */
  available: (claim: StoredClaim) => boolean;
  run: (context: ClaimActionContext, input: Input) => Promise<ClaimActionOutcome>;
}

export const defineClaimAction = <Intent extends string, Input>(definition: ClaimActionDefinition<Intent, Input>) =>
  definition;
