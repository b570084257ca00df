import { createHash } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { findClaim, merchantClaimNotFound, type StoredClaim } from "../../db/claims.server";
import { claimShopifyReturnId } from "../../db/shopify-actions.server";
import { DomainError, isDomainError } from "../../domain/errors";
import { parseMoney } from "../../domain/money";
import { claimResolutionPolicy } from "../../domain/policy/claim-policy-snapshot";
import type { AdminGraphql } from "../../shopify/admin-client.server";
import { parseRequestInput } from "../../utils/request-input.server";
import {
  markedOutOfStock,
  resolvedState,
  withStockAssumed,
  withStockFacts,
  type ResolveClaimInput,
} from "../resolve-claim.server";
import type {
  PaymentRequestIntent,
  RefundIntent,
  ReplacementIntent,
  ShopifyActionKind,
} from "../shopify-action-kinds.server";
import { shopifyNotifiesShopper } from "../notification-settings.server";
import { findAction, needsNewPlan, type StoredAction } from "../shopify-actions.server";
import { claimedLineNames, planPaymentRequest } from "./payment-request.server";
import { planRefundIntent, refundNote } from "./refund.server";
import { approvedReplacements, planReplacement, replacementsAwaitingChoice } from "./replacement.server";

// What resolving the claim would do in Shopify, before anything happens: the refund per original
// transaction with the inspection's deductions, the replacement lines with Shopify's stock, the
// payment request for missing parts, the return to close. Only queries: nothing is stored and no
// mutation is sent. A step stored earlier (a resolution that failed half-way) is shown as it will
// be carried out, its same plan and key; a plan Shopify refused is shown planned afresh.
// The digest names what the merchant saw: resolving with a digest that no longer matches is a
// conflict, so the merchant never confirms one amount and gets another.

type PreviewInput = Omit<ResolveClaimInput, "actor" | "expectedVersion">;

/** The repair notes; an empty field is no note. */
const repairNotes = z
  .string()
  .trim()
  .max(5000, "keep the repair notes under 5,000 characters")
  .optional()
  .transform((note) => (note ? note : undefined));

export const ResolveInputSchema = z.object({
  /** For each replacement, whether it is in stock (Shopify checks too); for each repair, whether it is possible. */
  items: z
    .array(
      z.strictObject({
        lineItemId: z.string().min(1, "name the item"),
        replacementInStock: z.boolean().optional(),
        repairPossible: z.boolean().optional(),
      }),
    )
    .default([]),
  /** Put refunded items that came back into stock at the warehouse that received them. */
  restock: z.boolean().default(false),
  /** The repair notes, kept as the resolution's note. */
  note: repairNotes,
});

type Money = { amount: string; currencyCode: string };

export interface ResolutionPreview {
  version: number;
  orderName: string | null;
  refund: {
    total: Money;
    /** What the items are owed but the order can no longer give back. */
    shortfall: Money;
    items: { lineItemId: string; title: string; quantity: number; paid: Money; deductions: Money; amount: Money }[];
    transactions: { parentId: string; paymentMethod: string; amount: Money }[];
    /** A stored plan from an earlier attempt, carried out again under the same key. */
    retried: boolean;
  } | null;
  replacement: {
    /** The replacement order's currency (the shop's): its total is zero. */
    currencyCode: string;
    lines: { lineItemId: string; title: string; quantity: number; inStock: boolean; fallbackMessage: string | null }[];
  } | null;
  repairs: { lineItemId: string; title: string; possible: boolean }[];
  paymentRequest: {
    lines: { title: string; quantity: number; unitPrice: Money }[];
    total: Money;
    /** Where Shopify sends the invoice (the claim's customer), when known. */
    sendTo: string | null;
  } | null;
  /**
   * Replacements Shopify has no stock for, under a policy that leaves the choice to the merchant:
   * while any is listed, nothing can be resolved (refund it instead, or resolve later).
   */
  awaitingChoice: { lineItemId: string; title: string; message: string }[];
  /** The claim's Shopify return, closed by the resolution. */
  closesReturn: boolean;
  /** The claim's Shopify return of a lost parcel: left open (nothing came back to process). */
  lostReturnOpen: boolean;
  /** What Shopify will do, one sentence per step, in the order they run. */
  summary: string[];
  digest: string;
}

const display = ({ amount, currencyCode }: Money) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: currencyCode }).format(Number(amount));

const list = (parts: string[]) =>
  parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;

/** The stored step's intent when resolving would carry it out again; null when it would plan afresh. */
async function storedIntent<K extends ShopifyActionKind>(
  db: PrismaClient,
  claimId: string,
  kind: K,
): Promise<StoredAction<K> | null> {
  const stored = await findAction(db, claimId, kind);
  return stored && !needsNewPlan(kind, stored.action) ? stored : null;
}

const titleOf = (claim: StoredClaim, names: ReadonlyMap<string, string>, lineItemId: string) =>
  claim.meta.itemTitles[lineItemId] ?? names.get(lineItemId) ?? "Item";

function refundPreview(
  claim: StoredClaim,
  intent: RefundIntent,
  names: ReadonlyMap<string, string>,
  retried: boolean,
): NonNullable<ResolutionPreview["refund"]> {
  const currencyCode = intent.plan.currencyCode;
  const money = (amount: string) => ({ amount, currencyCode });
  return {
    total: money(intent.plan.total),
    shortfall: money(intent.plan.shortfall),
    items: intent.plan.items.map((item) => ({
      lineItemId: item.lineItemId,
      title: titleOf(claim, names, item.lineItemId),
      quantity: item.quantity,
      paid: money(item.paid),
      deductions: money(item.deductions),
      amount: money(item.amount),
    })),
    transactions: intent.request.transactions.map((t) => ({
      parentId: t.parentTransactionId,
      paymentMethod: intent.paymentMethods[t.parentTransactionId] ?? t.gateway,
      amount: money(t.amount),
    })),
    retried,
  };
}

function summaryOf(preview: Omit<ResolutionPreview, "summary" | "digest" | "version">): string[] {
  const order = preview.orderName ? `order ${preview.orderName}` : "the order";
  const sentences: string[] = [];
  const refund = preview.refund;
  if (refund) {
    if (refund.transactions.length > 0) {
      const parts = refund.transactions.map((t) => `${display(t.amount)} to ${t.paymentMethod}`);
      sentences.push(`Refund ${list(parts)} on ${order}.`);
    } else {
      sentences.push(
        `Refund nothing on ${order}: ${display(refund.total)} is owed after deductions and what was refunded already.`,
      );
    }
    if (parseMoney(refund.shortfall.amount, refund.shortfall.currencyCode).minorUnits > 0) {
      sentences.push(
        `${display(refund.shortfall)} cannot be refunded in Shopify any more: settle it with the shopper yourself.`,
      );
    }
  }
  const shipped = preview.replacement?.lines.filter((line) => line.inStock) ?? [];
  if (shipped.length > 0) {
    sentences.push(
      `Create a ${display({ amount: "0.00", currencyCode: preview.replacement!.currencyCode })} replacement order, shipped to the shopper, for ${list(shipped.map((l) => `${l.quantity} × ${l.title}`))}.`,
    );
  }
  for (const line of preview.replacement?.lines.filter((l) => !l.inStock) ?? []) {
    if (line.fallbackMessage) sentences.push(line.fallbackMessage);
  }
  for (const repair of preview.repairs) {
    sentences.push(
      repair.possible
        ? `Nothing changes in Shopify for the repair of ${repair.title}: your repair notes are kept with the resolution.`
        : `${repair.title} cannot be repaired: it is refunded instead, as the guarantee promises.`,
    );
  }
  const payment = preview.paymentRequest;
  if (payment) {
    sentences.push(
      `Email the shopper${payment.sendTo ? ` (${payment.sendTo})` : ""} an invoice of ${display(payment.total)} for the missing parts (a draft order in Shopify).`,
    );
  }
  if (preview.closesReturn) sentences.push("Close the Shopify return of this claim.");
  if (preview.lostReturnOpen) {
    sentences.push("The Shopify return stays open, since the parcel never arrived: cancel it in the order in Shopify.");
  }
  return sentences;
}

// The domain's refusals name commands and ids (for logs): the merchant reads what to do next.
const REFUSALS: Record<string, string> = {
  "claim.invalid_transition": "This claim cannot be resolved in its current status.",
  "claim.return_required": "This claim's return must be received and inspected before it is resolved.",
  "claim.stock_unknown": "Say for each replacement whether it is available.",
  "claim.repair_unknown": "Say for each repair whether it is possible.",
};

function inMerchantWords(error: unknown): unknown {
  if (!isDomainError(error) || !REFUSALS[error.code]) return error;
  return new DomainError(
    error.kind,
    error.code,
    `${REFUSALS[error.code]} Reload the claim to see what you can do next.`,
  );
}

/** What resolving the claim with this input would do, without doing any of it. */
export async function previewResolution(
  db: PrismaClient,
  graphql: AdminGraphql,
  input: PreviewInput,
  now: Date,
): Promise<ResolutionPreview> {
  // Another shop's claim is the same 404 as one that does not exist.
  const stored = await findClaim(db, input.shop, input.claimId);
  if (!stored) throw merchantClaimNotFound();
  const actor = { type: "merchant" as const };
  // The domain's checks first: a claim that cannot be resolved yet says why, before any query.
  try {
    resolvedState(stored, withStockAssumed(stored, input.items), input.note, actor, now);
  } catch (error) {
    throw inMerchantWords(error);
  }
  const claimId = stored.state.id;
  // The out-of-stock fallback the claim was filed under (decision 016).
  const { outOfStockFallback } = claimResolutionPolicy(stored.state);
  const marked = markedOutOfStock(input.items);
  const replacementStep = await storedIntent(db, claimId, "replacement");
  const replacement: ReplacementIntent | null =
    approvedReplacements(stored.state).length === 0
      ? null
      : (replacementStep?.intent ?? (await planReplacement(db, graphql, stored, marked, outOfStockFallback)));
  const names = await claimedLineNames(graphql, stored.state.orderId);
  const waiting =
    replacement && !replacementStep ? replacementsAwaitingChoice(replacement, marked, outOfStockFallback) : [];
  if (waiting.length > 0) return awaitingChoicePreview(stored, replacement!, waiting, names);
  const resolved = resolvedState(stored, withStockFacts(input.items, replacement), input.note, actor, now);

  let refund: ResolutionPreview["refund"] = null;
  if (resolved.items.some((item) => item.outcome?.outcome === "refunded")) {
    const refundStep = await storedIntent(db, claimId, "refund");
    const intent =
      refundStep?.intent ??
      (await planRefundIntent(graphql, resolved, refundNote(stored), {
        // As the shop's notification setting says (resolve-claim.server.ts does the same).
        notifyCustomer: await shopifyNotifiesShopper(db, input.shop),
        restock: input.restock ?? false,
      }));
    refund = refundPreview(stored, intent, names, refundStep !== null);
  }

  const shopifyReturnId = await claimShopifyReturnId(db, claimId);
  const lost = stored.state.status === "return_lost";
  const paymentStep = await storedIntent(db, claimId, "payment_request");
  const payment: PaymentRequestIntent | null = paymentStep?.intent ?? planPaymentRequest(stored, resolved, names);

  const preview = {
    orderName: stored.meta.orderName,
    refund,
    replacement: replacement ? replacementPreview(stored, replacement, names) : null,
    repairs: resolved.items.flatMap((item) =>
      item.decision?.kind === "approve" && item.decision.resolution === "repair"
        ? [
            {
              lineItemId: item.lineItemId,
              title: titleOf(stored, names, item.lineItemId),
              possible: item.outcome?.outcome === "repaired",
            },
          ]
        : [],
    ),
    paymentRequest: payment
      ? {
          lines: payment.lines.map((line) => ({
            title: line.title,
            quantity: line.quantity,
            unitPrice: { amount: line.unitPrice, currencyCode: payment.currencyCode },
          })),
          total: { amount: payment.total, currencyCode: payment.currencyCode },
          sendTo: stored.meta.customerEmail,
        }
      : null,
    awaitingChoice: [],
    closesReturn: shopifyReturnId !== null && !lost,
    lostReturnOpen: shopifyReturnId !== null && lost,
  };
  return {
    version: stored.meta.version,
    ...preview,
    summary: summaryOf(preview),
    digest: digestOf({ refund, replacement, payment }),
  };
}

function replacementPreview(
  stored: StoredClaim,
  replacement: ReplacementIntent,
  names: ReadonlyMap<string, string>,
): NonNullable<ResolutionPreview["replacement"]> {
  return {
    currencyCode: replacement.currencyCode,
    lines: replacement.items.map((item) => ({
      lineItemId: item.lineItemId,
      title: titleOf(stored, names, item.lineItemId),
      quantity: item.quantity,
      inStock: item.inStock,
      fallbackMessage: item.fallbackMessage,
    })),
  };
}

/**
 * A replacement is out of stock and the claim's policy does not refund it on its own: nothing
 * would happen in Shopify until the merchant chooses, so the preview says only that.
 */
function awaitingChoicePreview(
  stored: StoredClaim,
  replacement: ReplacementIntent,
  waiting: ReplacementIntent["items"],
  names: ReadonlyMap<string, string>,
): ResolutionPreview {
  const awaitingChoice = waiting.map((item) => ({
    lineItemId: item.lineItemId,
    title: titleOf(stored, names, item.lineItemId),
    message: item.fallbackMessage ?? "",
  }));
  return {
    version: stored.meta.version,
    orderName: stored.meta.orderName,
    refund: null,
    replacement: replacementPreview(stored, replacement, names),
    repairs: [],
    paymentRequest: null,
    awaitingChoice,
    closesReturn: false,
    lostReturnOpen: false,
    summary: [
      "Nothing happens in Shopify yet: a replacement is out of stock and this claim's policy does not refund it on its own.",
      ...awaitingChoice.map((item) => item.message),
    ],
    digest: digestOf({ refund: null, replacement, payment: null }),
  };
}

/** A short fingerprint of what Shopify would be asked to do (amounts, transactions, lines). */
function digestOf(plan: {
  refund: ResolutionPreview["refund"];
  replacement: ReplacementIntent | null;
  payment: PaymentRequestIntent | null;
}): string {
  const canonical = JSON.stringify({
    refund: plan.refund?.transactions.map((t) => [t.parentId, t.amount.amount]) ?? null,
    refundItems: plan.refund?.items.map((i) => [i.lineItemId, i.quantity, i.amount.amount]) ?? null,
    replacement: plan.replacement?.items.map((i) => [i.lineItemId, i.quantity, i.inStock]) ?? null,
    payment: plan.payment?.lines.map((l) => [l.title, l.quantity, l.unitPrice]) ?? null,
  });
  return createHash("sha256").update(canonical).digest("hex").slice(0, 16);
}

/** The preview route's service: the claim first (another shop's is a 404), then the merchant's choices. */
export async function previewClaimResolution(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
  claimId: string,
  body: unknown,
  now: Date,
): Promise<ResolutionPreview> {
  if (!(await findClaim(db, shop, claimId))) throw merchantClaimNotFound();
  const choices = parseRequestInput(ResolveInputSchema, body);
  return previewResolution(db, graphql, { shop, claimId, ...choices }, now);
}
