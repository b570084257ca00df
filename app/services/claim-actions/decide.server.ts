import { HttpRequestError, HttpRetriableError } from "@shopify/shopify-api";
import { z, ZodError } from "zod";
import { changeClaimAtVersion } from "../../db/claim-decisions.server";
import { claimChangedMeanwhile, requireClaim } from "../../db/claims.server";
import { applyClaimCommand } from "../../domain/claim-lifecycle/apply-claim-command";
import type { ClaimCommand } from "../../domain/claim-lifecycle/claim-commands";
import { DenialClauseIdSchema, ResolutionSchema, type ClaimState } from "../../domain/claim-lifecycle/claim-state";
import { unrequestedReturnOf } from "../../domain/claim-lifecycle/guards";
import { statusesAllowing } from "../../domain/claim-lifecycle/transitions";
import { deniedWith, type DenialClause } from "../../domain/denial-clauses";
import { isDomainError } from "../../domain/errors";
import { claimResolutionPolicy } from "../../domain/policy/claim-policy-snapshot";
import { ShopifyUnavailableError } from "../../shopify/errors.server";
import { RequestInputError } from "../../utils/request-input.server";
import { orderAdminUrl } from "../claim-page.server";
import { activeShopClauses } from "../denial-clauses.server";
import { requestReturn } from "../request-return.server";
import { logger } from "../../utils/logger.server";
import { defineClaimAction, type ClaimActionContext } from "./define-claim-action.server";

// The merchant's decision: each item approved (refund, replacement or repair, how many units) or
// denied citing a clause, saved as one change on the version the merchant saw (every decide_item,
// then finalize_decision). When a return is required, the Shopify return is opened next
// (requestReturn, a step on the one runner); if Shopify fails there the decision stays saved and
// "Open the return in Shopify" (intent request_return) carries on from where it stopped.

const note = z.string().trim().max(5000, "keep the note under 5,000 characters");
const optionalNote = note.transform((text) => (text === "" ? undefined : text)).optional();
const ShippingPayerInputSchema = z.enum(["merchant", "customer"], { error: 'choose "merchant" or "customer"' });

const ItemDecisionInputSchema = z.discriminatedUnion(
  "decision",
  [
    z.strictObject({
      lineItemId: z.string().min(1, "name the item"),
      decision: z.literal("approve"),
      resolution: ResolutionSchema,
      /** Units approved; all the claimed units when left out. */
      quantity: z.coerce.number().int("approve a whole number of units").positive("approve at least 1 unit").optional(),
    }),
    z.strictObject({
      lineItemId: z.string().min(1, "name the item"),
      decision: z.literal("deny"),
      /** One of the shop's clauses not retired (Settings, Denial clauses). */
      clause: DenialClauseIdSchema,
      note: optionalNote,
    }),
  ],
  { error: 'choose "approve" or "deny"' },
);

const DecideInputSchema = z
  .object({
    items: z.array(ItemDecisionInputSchema).min(1, "decide each item of the claim"),
    /** Whether approved items must come back; the claim's policy snapshot when left out. */
    returnRequired: z.boolean().optional(),
    /** Who pays the return shipping; the policy snapshot's payer when it names one. */
    returnShippingPaidBy: ShippingPayerInputSchema.optional(),
    /** The message to the shopper with the decision. */
    note: optionalNote,
  })
  .superRefine((input, ctx) => {
    input.items.forEach((item, index) => {
      if (input.items.findIndex((other) => other.lineItemId === item.lineItemId) !== index) {
        ctx.addIssue({ code: "custom", path: ["items", index, "lineItemId"], message: "this item is decided twice" });
      }
      if (item.decision === "deny" && item.clause === "other" && !item.note) {
        ctx.addIssue({ code: "custom", path: ["items", index, "note"], message: "say why you deny it" });
      }
    });
  });
type DecideInput = z.infer<typeof DecideInputSchema>;

/** The merchant's 400 about the claim they decide on, naming the field. */
const badField = (path: (string | number)[], message: string) =>
  new RequestInputError(new ZodError([{ code: "custom", path, message, input: undefined }]));

/**
 * The commands of the decision, in the claim's item order, after checking the input against the
 * claim and the shop's clauses; a denial keeps its clause's words as the shopper is told them.
 */
function decisionCommands(state: ClaimState, input: DecideInput, clauses: readonly DenialClause[]): ClaimCommand[] {
  // What the claim's policy offered when it was filed, not what the shop offers today.
  const offered = claimResolutionPolicy(state).resolutions;
  input.items.forEach((item, index) => {
    if (!state.items.some((claimed) => claimed.lineItemId === item.lineItemId)) {
      throw badField(["items", index, "lineItemId"], "this item is not part of the claim");
    }
    if (item.decision === "deny" && !clauses.some((clause) => clause.reason === item.clause)) {
      throw badField(
        ["items", index, "clause"],
        "this clause is retired or no longer yours: choose another from the list",
      );
    }
    if (item.decision === "approve" && !offered.includes(item.resolution)) {
      throw badField(
        ["items", index, "resolution"],
        `this claim's policy offers ${offered.join(" or ")}: choose one of them`,
      );
    }
  });
  const undecided = state.items.filter(
    (claimed) => !input.items.some((item) => item.lineItemId === claimed.lineItemId),
  );
  if (undecided.length > 0) throw badField(["items"], "approve or deny every item of the claim");
  const items = state.items.map((claimed) => {
    const index = input.items.findIndex((item) => item.lineItemId === claimed.lineItemId);
    const item = input.items[index]!;
    if (item.decision === "approve" && item.quantity !== undefined && item.quantity > claimed.quantity) {
      throw badField(["items", index, "quantity"], `approve at most the ${claimed.quantity} claimed`);
    }
    return item;
  });
  const commands: ClaimCommand[] = items.map((item) => ({
    type: "decide_item",
    lineItemId: item.lineItemId,
    decision:
      item.decision === "approve"
        ? { kind: "approve", resolution: item.resolution, ...(item.quantity ? { quantity: item.quantity } : {}) }
        : {
            kind: "deny",
            reason: item.clause,
            clause: deniedWith(clauses.find((clause) => clause.reason === item.clause)!),
            ...(item.note ? { note: item.note } : {}),
          },
  }));
  const approvesAny = items.some((item) => item.decision === "approve");
  const returnRequired = input.returnRequired ?? state.returnRequired;
  if (
    approvesAny &&
    returnRequired &&
    !input.returnShippingPaidBy &&
    state.returnShippingPaidBy === "decided_on_review"
  ) {
    throw badField(
      ["returnShippingPaidBy"],
      "say who pays the return shipping: you (merchant) or the shopper (customer)",
    );
  }
  commands.push({
    type: "finalize_decision",
    ...(input.returnRequired === undefined ? {} : { returnRequired: input.returnRequired }),
    ...(input.note ? { note: input.note } : {}),
  });
  return commands;
}

const RETRY =
  'The decision is saved and the shopper sees it. Choose "Open the return in Shopify" on the claim to try again.';

/** Why the Shopify return was not opened, in words that say what to do next. */
function returnFailure(error: unknown, where: { shop: string; claimId: string }): string {
  const unreachable =
    error instanceof ShopifyUnavailableError ||
    error instanceof HttpRequestError ||
    error instanceof HttpRetriableError;
  if (unreachable) return `Shopify did not answer when the return was opened. ${RETRY}`;
  // Shopify refused the return (its reason), or another request is opening it right now.
  if (isDomainError(error)) return `${error.message} ${RETRY}`;
  logger.error("Opening the Shopify return after a decision failed", { ...where, error });
  return `The return could not be opened in Shopify. ${RETRY}`;
}

/** How opening the return went, for the toast: what follows "Claim #N approved; ". */
interface ReturnOpening {
  said: string;
  notices?: string[];
}

/** Opens the Shopify return of an approved claim; a failure is told, not thrown: the decision stands. */
async function openReturnAfterDecision(
  context: ClaimActionContext,
  shippingPaidBy: "merchant" | "customer" | undefined,
): Promise<ReturnOpening> {
  const { db, graphql, shop, claimId, actor, now } = context;
  try {
    const payer = shippingPaidBy ? { shippingPaidBy } : {};
    const opened = await requestReturn(db, graphql, { shop, claimId, actor, ...payer }, now);
    if (opened.shopifyReturn) return { said: `return ${opened.shopifyReturn.name} opened in Shopify` };
    // Shopify no longer shows the order's fulfillments as claimed: the shopper still gets the instructions.
    return { said: "the shopper is asked to send it back", ...(opened.notice ? { notices: [opened.notice] } : {}) };
  } catch (error) {
    return { said: "the return is not open in Shopify yet", notices: [returnFailure(error, { shop, claimId })] };
  }
}

export const decide = defineClaimAction({
  intent: "decide",
  input: DecideInputSchema,
  available: (claim) => statusesAllowing("finalize_decision").includes(claim.state.status),
  run: async (context, input) => {
    const { db, shop, claimId, actor, now, version } = context;
    const clauses = await activeShopClauses(db, shop);
    const decided = await changeClaimAtVersion(db, shop, claimId, version, (state) =>
      decisionCommands(state, input, clauses).reduce(
        (next, command) => applyClaimCommand(next, command, now, actor).state,
        state,
      ),
    );
    const { state, meta } = decided;
    const link = { label: "View order", url: orderAdminUrl(state.orderId) };
    if (state.status === "denied") {
      return { message: `Claim #${meta.number} denied; the shopper sees why on their claim`, link };
    }
    const what = state.status === "approved" ? "approved" : "partly approved";
    if (!state.returnRequired) {
      return {
        message: `Claim #${meta.number} ${what}; resolve it when you are ready to refund, replace or repair`,
        link,
      };
    }
    if (unrequestedReturnOf(state)) {
      // The item came back before the decision: nothing to ask the shopper for, nothing to open in Shopify.
      return { message: `Claim #${meta.number} ${what}; its item is already back: mark the return received`, link };
    }
    const opening = await openReturnAfterDecision(context, input.returnShippingPaidBy);
    return {
      message: `Claim #${meta.number} ${what}; ${opening.said}`,
      link,
      ...(opening.notices ? { notices: opening.notices } : {}),
    };
  },
});

/** Opens the Shopify return of an approved claim whose return is not open yet (Shopify failed after the decision). */
export const requestClaimReturn = defineClaimAction({
  intent: "request_return",
  input: z.object({ returnShippingPaidBy: ShippingPayerInputSchema.optional() }),
  available: (claim) =>
    statusesAllowing("request_return").includes(claim.state.status) &&
    claim.state.returnRequired &&
    unrequestedReturnOf(claim.state) === null,
  run: async ({ db, graphql, shop, claimId, actor, now, version }, input) => {
    const stored = await requireClaim(db, shop, claimId);
    // Acting on the claim as the merchant saw it: a second merchant gets the conflict, not a second return.
    if (stored.meta.version !== version) throw claimChangedMeanwhile();
    if (!input.returnShippingPaidBy && stored.state.returnShippingPaidBy === "decided_on_review") {
      throw badField(
        ["returnShippingPaidBy"],
        "say who pays the return shipping: you (merchant) or the shopper (customer)",
      );
    }
    const payer = input.returnShippingPaidBy ? { shippingPaidBy: input.returnShippingPaidBy } : {};
    const opened = await requestReturn(db, graphql, { shop, claimId, actor, ...payer }, now);
    const link = { label: "View order", url: orderAdminUrl(stored.state.orderId) };
    const number = stored.meta.number;
    return opened.shopifyReturn
      ? { message: `Return ${opened.shopifyReturn.name} opened in Shopify for claim #${number}`, link }
      : {
          message: `Return requested on claim #${number}`,
          link,
          ...(opened.notice ? { notices: [opened.notice] } : {}),
        };
  },
});
