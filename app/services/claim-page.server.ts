import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { findClaim, merchantClaimNotFound } from "../db/claims.server";
import type { ClaimStatus } from "../domain/claim-lifecycle/claim-status";
import {
  ResolutionSchema,
  type Actor,
  type ClaimEventType,
  type ItemDecision,
  type Resolution,
} from "../domain/claim-lifecycle/claim-state";
import { inboxResponseClock, responseClockBadge, type ResponseBadgeTone } from "../domain/claim-lifecycle/inbox";
import { ClaimAnswersSchema, ClaimProblemSchema, type ClaimProblem } from "../domain/evaluate-claim-schema";
import type { EvidenceKind, ShippingPayer } from "../domain/policy/policy-schema";
import type { ClaimType } from "../domain/policy/resolve-policy";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { ShopifyUnavailableError } from "../shopify/errors.server";
import { fetchLocations, type ReturnLocation } from "../shopify/locations.server";
import { fetchOrderFacts, type OrderFacts, type OrderLineFacts } from "../shopify/order-facts.server";
import { availableClaimActions, type ClaimPageIntent } from "./claim-page-actions.server";
import { loadClaimEmails, type ClaimEmails } from "./claim-emails.server";
import { listClaimEvidenceForMerchant, type MerchantEvidence } from "./evidence/merchant-evidence.server";
import { loadClaimReturn, type ClaimReturn } from "./claim-return.server";
import { claimPageEvaluation, type ClaimPageEvaluation } from "./claim-page-evaluation.server";
import { activeShopClauses } from "./denial-clauses.server";
import { loadClaimResolution, type ClaimResolution } from "./resolution/resolution-summary.server";

// The claim page's data: the stored claim (its policy snapshot, items, event log), what the
// shopper said when filing (the submitted event's data), the evidence with signed URLs, and the
// order's facts from Shopify when Shopify still shows the order. Times are ISO instants; the page
// words them in the shop's timezone.

export const EXCLUSION_ANSWER_KEYS = [
  "firmwareFlashed",
  "bodyOpened",
  "partsModified",
  "unintendedUse",
  "continuedUseAfterFault",
  "accidentalDamage",
] as const;
export type ExclusionAnswerKey = (typeof EXCLUSION_ANSWER_KEYS)[number];

/** The submitted event's data as the log keeps it (a stored row that fails it is our 500). */
const SubmittedDataSchema = z.object({
  problem: ClaimProblemSchema.optional(),
  answers: ClaimAnswersSchema.optional(),
  preferredResolution: ResolutionSchema.optional(),
});

export interface ClaimPageItem {
  lineItemId: string;
  title: string;
  quantity: number;
  decision: ItemDecision | null;
  /** From Shopify; null when the order's facts are not available. */
  facts: {
    unitPricePaid: { amount: string; currencyCode: string };
    orderedQuantity: number;
    shipments: {
      fulfilledAt: string;
      deliveredAt: string | null;
      estimatedDeliveryAt: string | null;
      locationId: string | null;
      /** The warehouse's name in Shopify; null when Shopify no longer knows the location. */
      warehouse: string | null;
    }[];
  } | null;
}

export type ClaimPageOrder =
  | { shown: true; timezone: string }
  /** Shopify no longer shows the order (deleted, or older than the app may read) or did not answer. */
  | { shown: false; reason: "not_in_shopify" | "shopify_unavailable" };

export interface ClaimPageMessage {
  at: string;
  from: "customer" | "merchant";
  text: string;
}

export interface ClaimPageEvent {
  at: string;
  actor: Actor["type"];
  type: ClaimEventType;
  from: ClaimStatus | null;
  to: ClaimStatus;
  note: string | null;
}

export interface ClaimPage {
  /** The intents the claim's status allows now. */
  actions: ClaimPageIntent[];
  id: string;
  number: number;
  version: number;
  status: ClaimStatus;
  type: ClaimType;
  submittedAt: string;
  orderName: string | null;
  /** The order in Shopify's admin (App Bridge opens shopify:// links in the admin). */
  orderUrl: string;
  customerName: string | null;
  customerEmail: string | null;
  clock: { label: string; tone: ResponseBadgeTone } | null;
  policy: {
    responseHours: number;
    returnRequired: boolean;
    returnShippingPaidBy: ShippingPayer;
  };
  submission: {
    problem: ClaimProblem | null;
    description: string | null;
    preferredResolution: Resolution | null;
    answers: { key: ExclusionAnswerKey; answer: boolean }[];
    problemFirstNoticedAt: string | null;
    /** The kinds of evidence the shopper said they sent, with the claim and in answers. */
    evidenceKinds: EvidenceKind[];
  };
  items: ClaimPageItem[];
  /** The return's instructions, tracking, Shopify return and fate; null until a return is involved. */
  return: ClaimReturn | null;
  /** What the policy said when the shopper filed it, and where approved units go back to. */
  evaluation: ClaimPageEvaluation;
  /** Each approved item's components checklist, and what the resolution's Shopify steps did. */
  resolution: ClaimResolution;
  order: ClaimPageOrder;
  evidence: MerchantEvidence[];
  conversation: ClaimPageMessage[];
  timeline: ClaimPageEvent[];
  /** The emails the claim caused, to the shopper and to the merchant, and whether emails are off. */
  emails: ClaimEmails;
}

export const orderAdminUrl = (orderId: string) => `shopify://admin/orders/${orderId.split("/").at(-1) ?? ""}`;

type OrderFactsOrReason =
  { facts: OrderFacts; warehouses: Map<string, ReturnLocation> } | "not_in_shopify" | "shopify_unavailable";

async function orderFactsOrReason(graphql: AdminGraphql, orderId: string): Promise<OrderFactsOrReason> {
  try {
    const facts = await fetchOrderFacts(graphql, orderId);
    if (!facts) return "not_in_shopify";
    const locationIds = facts.lines.flatMap((line) => line.fulfilled.flatMap((group) => group.locationId ?? []));
    return { facts, warehouses: await fetchLocations(graphql, locationIds) };
  } catch (error) {
    // The page still shows what we stored; the order's facts are a welcome extra.
    if (error instanceof ShopifyUnavailableError) return "shopify_unavailable";
    throw error;
  }
}

export async function loadClaimPage(
  db: PrismaClient,
  graphql: AdminGraphql,
  shop: string,
  claimId: string,
  now: Date,
): Promise<ClaimPage> {
  // Reads that need only the shop and the claim id go out with the claim's own (they are scoped by
  // shop, so another shop's claim finds none of them): one round of reads instead of four in a row.
  const [stored, evidence, emails, clauses] = await Promise.all([
    findClaim(db, shop, claimId),
    listClaimEvidenceForMerchant(db, shop, claimId, now),
    loadClaimEmails(db, shop, claimId),
    activeShopClauses(db, shop),
  ]);
  if (!stored) throw merchantClaimNotFound();
  const { meta, state } = stored;
  // The resolution's steps read our records while Shopify answers for the order.
  const [order, resolution] = await Promise.all([
    orderFactsOrReason(graphql, state.orderId),
    loadClaimResolution(db, graphql, stored),
  ]);
  const warehouses = typeof order === "string" ? undefined : order.warehouses;
  const submitted = state.events[0]!;
  const said = SubmittedDataSchema.parse(submitted.data);
  const answers = said.answers ?? {};
  const lines = new Map<string, OrderLineFacts>(
    typeof order === "string" ? [] : order.facts.lines.map((line) => [line.lineItemId, line]),
  );
  return {
    actions: availableClaimActions(stored),
    id: state.id,
    number: meta.number,
    version: meta.version,
    status: state.status,
    type: state.type,
    submittedAt: submitted.at,
    orderName: meta.orderName,
    orderUrl: orderAdminUrl(state.orderId),
    customerName: meta.customerName,
    customerEmail: meta.customerEmail,
    clock: responseClockBadge(inboxResponseClock({ status: state.status, respondBy: meta.respondBy }, now)),
    policy: {
      responseHours: state.responseHours,
      returnRequired: state.returnRequired,
      returnShippingPaidBy: state.returnShippingPaidBy,
    },
    submission: {
      problem: said.problem ?? null,
      description: submitted.note,
      preferredResolution: said.preferredResolution ?? null,
      answers: EXCLUSION_ANSWER_KEYS.flatMap((key) => {
        const answer = answers[key];
        return answer === undefined ? [] : [{ key, answer }];
      }),
      problemFirstNoticedAt: answers.problemFirstNoticedAt ?? null,
      evidenceKinds: state.evidence,
    },
    items: state.items.map((item) => {
      const line = lines.get(item.lineItemId);
      return {
        lineItemId: item.lineItemId,
        title: meta.itemTitles[item.lineItemId] ?? line?.name ?? "Item",
        quantity: item.quantity,
        decision: item.decision,
        facts: line
          ? {
              unitPricePaid: line.unitPricePaid.presentment,
              orderedQuantity: line.quantity,
              shipments: line.fulfilled.map((group) => ({
                fulfilledAt: group.fulfilledAt,
                deliveredAt: group.deliveredAt,
                estimatedDeliveryAt: group.estimatedDeliveryAt,
                locationId: group.locationId,
                warehouse: group.locationId === null ? null : (warehouses?.get(group.locationId)?.name ?? null),
              })),
            }
          : null,
      };
    }),
    evaluation: claimPageEvaluation(stored, warehouses ?? new Map(), clauses),
    return: await loadClaimReturn(db, graphql, stored, warehouses),
    resolution,
    order:
      typeof order === "string"
        ? { shown: false, reason: order }
        : { shown: true, timezone: order.facts.shop.timezone },
    evidence,
    conversation: state.events.flatMap((event): ClaimPageMessage[] => {
      if (event.note === null) return [];
      if (event.type === "information_requested") return [{ at: event.at, from: "merchant", text: event.note }];
      if (event.type === "information_provided") return [{ at: event.at, from: "customer", text: event.note }];
      return [];
    }),
    timeline: state.events.map((event) => ({
      at: event.at,
      actor: event.actor.type,
      type: event.type,
      from: event.from,
      to: event.to,
      note: event.note,
    })),
    emails,
  };
}
