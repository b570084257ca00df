import type { PrismaClient } from "@prisma/client";
import { z } from "zod";
import { listDigestClaims, readClaimForEmail, type ClaimForEmail } from "../../db/email-content.server";
import { succeededActionResults } from "../../db/shopify-action-results.server";
import type { ClaimEvent, ClaimItemState, ClaimState } from "../../domain/claim-lifecycle/claim-state";
import { unrequestedReturnOf } from "../../domain/claim-lifecycle/guards";
import { clauseOfDenial } from "../../domain/denial-clauses";
import { renderEmail } from "../../domain/notifications/email-document";
import type { EmailTemplate } from "../../domain/notifications/notification-types";
import { emailLanguageOf, type EmailLanguage } from "../../domain/notifications/plan-emails";
import { HOUR_MS } from "../../domain/time";
import type { AdminGraphql } from "../../shopify/admin-client.server";
import { CreatedRefundSchema } from "../../shopify/refunds.server";
import { returnDestinationsOf } from "../return-destinations.server";
import {
  merchantEmail,
  shopperEmail,
  type ApprovalReturn,
  type ApprovedItem,
  type DeniedItem,
  type DigestEntry,
  type EmailItem,
  type MerchantFacts,
  type ShopperFacts,
} from "./email-templates.server";

// Composes an outbox row's email at send time (issue 12): reads the claim as it is now through
// app/db, checks what the row and the claim say (a bad row or a claim that contradicts its email
// is thrown, never sent with blanks), and renders the template in the reader's language.

export interface ShopContact {
  name: string;
  email: string | null;
  timezone: string;
  myshopifyDomain: string;
}

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

export interface OutboxMessage {
  id: string;
  shop: string;
  claimId: string | null;
  template: EmailTemplate;
  locale: string;
  data: unknown;
}

/** The claim was redacted (customers/redact) after the email was queued: it must not be sent. */
export class ClaimRedactedError extends Error {
  readonly code = "email.claim_redacted";
  constructor(claimId: string) {
    super(
      `Claim ${claimId} was redacted after this email was queued; its shopper's data is erased, so it is not sent.`,
    );
    this.name = "ClaimRedactedError";
  }
}

/** A reminder whose claim was answered (or whose due time moved) before it went out: nothing to remind. */
export class EmailNoLongerNeededError extends Error {
  readonly code = "email.no_longer_needed";
  constructor(message: string) {
    super(message);
    this.name = "EmailNoLongerNeededError";
  }
}

/** The app's handle in the admin's URLs (`handle` in shopify.app.toml). */
export const APP_HANDLE = "warranty-desk";

/**
 * The order's page in new customer accounts, where the shopper's claims on it are shown (the
 * order-status block links to each claim's own page). The storefront's /account path is Shopify's
 * documented entry to customer accounts and redirects there, and it needs only the shop's domain:
 * the shopify.com/<shop id>/account form would need the shop's numeric id, which the app does not
 * keep (docs/decisions/024-which-emails-and-who-tells-the-shopper.md).
 */
export function shopperClaimUrl(myshopifyDomain: string, orderId: string): string {
  return `https://${myshopifyDomain}/account/orders/${numericId(orderId)}`;
}

/** The claim's page in the embedded app, in the Shopify admin. */
export function merchantClaimUrl(myshopifyDomain: string, claimId: string): string {
  const store = myshopifyDomain.replace(/\.myshopify\.com$/, "");
  return `https://admin.shopify.com/store/${encodeURIComponent(store)}/apps/${APP_HANDLE}/app/claims/${encodeURIComponent(claimId)}`;
}

function numericId(gid: string): string {
  const id = gid.split("/").at(-1) ?? "";
  if (!/^\d+$/.test(id)) throw new Error(`expected a Shopify GID with a numeric id, got ${gid}`);
  return id;
}

// ---------------------------------------------------------------------------------------------
// What the planner stored on the row (app/domain/notifications/plan-emails.ts)

const iso = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

const EventEmailDataSchema = z.object({
  claimNumber: z.number().int(),
  eventSequence: z.number().int().min(1),
  respondBy: iso.optional(),
  returnRequired: z.boolean().optional(),
  returnToldByShopify: z.boolean().optional(),
  refundToldByShopify: z.boolean().optional(),
});
type EventEmailData = z.infer<typeof EventEmailDataSchema>;

const ReminderDataSchema = z.object({ claimId: z.string().min(1), claimNumber: z.number().int(), respondBy: iso });

const DigestDataSchema = z.object({
  day: z.iso.date(),
  since: iso,
  reminderLeadHours: z.number().int().min(1),
});

const ReplacementResultSchema = z.object({ order: z.object({ name: z.string() }).nullable() }).nullable();

/** A stored value that is not what its writer promised: our bug or a damaged row, never sent. */
function badRow(message: string, what: string): Error {
  return new Error(`email ${message}: ${what}`);
}

function parseData<T>(schema: z.ZodType<T>, message: OutboxMessage): T {
  const result = schema.safeParse(message.data);
  if (!result.success) {
    throw badRow(message.id, `its ${message.template} data does not fit (${z.prettifyError(result.error)})`);
  }
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// Reading the claim

interface ClaimContext {
  message: OutboxMessage;
  claim: ClaimForEmail;
  state: ClaimState;
  language: EmailLanguage;
}

async function requireClaimFor(
  db: PrismaClient,
  message: OutboxMessage,
  claimId: string | null,
): Promise<ClaimForEmail> {
  if (!claimId) throw badRow(message.id, `a ${message.template} email names no claim`);
  const claim = await readClaimForEmail(db, message.shop, claimId);
  if (!claim) throw badRow(message.id, `claim ${claimId} is not in shop ${message.shop}`);
  if (claim.redactedAt) throw new ClaimRedactedError(claimId);
  return claim;
}

function requireEvent(context: ClaimContext, sequence: number, types: readonly ClaimEvent["type"][]): ClaimEvent {
  const event = context.state.events.find((candidate) => candidate.sequence === sequence);
  if (!event || !types.includes(event.type)) {
    throw badRow(
      context.message.id,
      `claim ${context.state.id} has no ${types.join(" or ")} event #${sequence} (found ${event?.type ?? "none"})`,
    );
  }
  return event;
}

function emailItem(context: ClaimContext, item: ClaimItemState, quantity = item.quantity): EmailItem {
  return { title: context.claim.stored.meta.itemTitles[item.lineItemId] ?? null, quantity };
}

function deniedItems(context: ClaimContext): DeniedItem[] {
  return context.state.items.flatMap((item) =>
    item.decision?.kind === "deny"
      ? [
          {
            item: emailItem(context, item),
            // The words kept with the denial (ADR 023): a clause edited since changes nothing here.
            clause: clauseOfDenial(item.decision).shopperWords[context.language],
            note: item.decision.note,
          },
        ]
      : [],
  );
}

function approvedItems(context: ClaimContext): ApprovedItem[] {
  const approved = context.state.items.flatMap((item) =>
    item.decision?.kind === "approve"
      ? [{ item: emailItem(context, item, item.decision.quantity), resolution: item.decision.resolution }]
      : [],
  );
  if (approved.length === 0) throw badRow(context.message.id, `claim ${context.state.id} approves nothing`);
  return approved;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};

function lastDecision(context: ClaimContext): ClaimEvent {
  const decided = context.state.events.filter((event) => event.type === "claim_decided").at(-1);
  if (!decided) throw badRow(context.message.id, `claim ${context.state.id} has no decision to tell`);
  return decided;
}

async function returnOf(
  db: PrismaClient,
  context: ClaimContext,
  data: EventEmailData,
  graphql: AdminGraphql | undefined,
): Promise<ApprovalReturn> {
  const { state } = context;
  if (data.returnRequired !== true) return { kind: "none" };
  // The item came back before the decision: there is nothing to send.
  if (unrequestedReturnOf(state)) return { kind: "already_back" };
  if (data.returnToldByShopify) return { kind: "told_by_shop" };
  const instructions = state.returnInstructions;
  if (!instructions) throw badRow(context.message.id, `claim ${state.id} has no return instructions to send`);
  // The location's own address is Shopify's; without a client the returns centre (when set) or the claim page tells it.
  const destinations = await returnDestinationsOf(db, context.message.shop, instructions, graphql ?? null);
  return {
    kind: "instructions",
    paidBy: instructions.shippingPaidBy,
    destinations: destinations.map((destination) => {
      return {
        name: destination.name,
        address: destination.address,
        overseas: destination.overseas,
        items: destination.items.map((entry) => {
          const item = state.items.find((candidate) => candidate.lineItemId === entry.lineItemId);
          if (!item) throw badRow(context.message.id, `return item ${entry.lineItemId} is not part of the claim`);
          return { item: emailItem(context, item, entry.quantity), parts: entry.includeComponents };
        }),
      };
    }),
  };
}

async function resolvedFacts(db: PrismaClient, context: ClaimContext, data: EventEmailData): Promise<ShopperFacts> {
  const { state } = context;
  const event = requireEvent(context, data.eventSequence, ["resolved"]);
  const resolved = state.items.filter((item) => item.outcome !== null);
  if (resolved.length === 0) throw badRow(context.message.id, `resolved claim ${state.id} has no outcomes`);
  const actions = await succeededActionResults(db, state.id, ["refund", "replacement"]);
  const refundResult = actions.find((action) => action.kind === "refund")?.result;
  const refunded = resolved.some((item) => item.outcome?.outcome === "refunded");
  // A refund told in our email must come from Shopify's stored answer; a resolved refund without one is a bad row.
  if (refunded && refundResult === undefined && !data.refundToldByShopify) {
    throw badRow(context.message.id, `claim ${state.id} was refunded but Shopify's refund is not recorded`);
  }
  const refund = refundResult === undefined ? null : CreatedRefundSchema.parse(refundResult);
  const replacement = ReplacementResultSchema.parse(actions.find((a) => a.kind === "replacement")?.result ?? null);
  return {
    template: "claim_resolved",
    outcomes: resolved.map((item) => ({
      item: emailItem(context, item),
      outcome: item.outcome!.outcome,
      fallback: item.outcome!.fallback?.reason ?? null,
    })),
    refund: refund && {
      total: refund.totalRefunded,
      transactions: refund.transactions
        .filter((transaction) => transaction.status !== "FAILURE" && transaction.status !== "ERROR")
        .map((transaction) => ({
          amount: transaction.amount,
          currencyCode: refund.totalRefunded.currencyCode,
          gateway: transaction.gateway,
        })),
    },
    refundToldByShop: data.refundToldByShopify === true,
    replacementOrderName: replacement?.order?.name ?? null,
    // The resolve form asks for repair notes only when something is repaired: they are the shopper's.
    repairNote: resolved.some((item) => item.outcome?.outcome === "repaired") ? event.note : null,
  };
}

async function shopperFacts(
  db: PrismaClient,
  context: ClaimContext,
  data: EventEmailData,
  graphql: AdminGraphql | undefined,
): Promise<ShopperFacts> {
  const { state, message } = context;
  switch (message.template) {
    case "claim_received":
      requireEvent(context, data.eventSequence, ["submitted"]);
      return {
        template: "claim_received",
        items: state.items.map((item) => emailItem(context, item)),
        respondBy: data.respondBy ?? null,
      };
    case "info_requested": {
      const event = requireEvent(context, data.eventSequence, ["information_requested"]);
      if (!event.note) throw badRow(message.id, `the question of claim ${state.id} has no words`);
      return { template: "info_requested", message: event.note };
    }
    case "claim_approved": {
      requireEvent(context, data.eventSequence, ["claim_decided", "return_requested"]);
      const decided = lastDecision(context);
      const approved = approvedItems(context);
      return {
        template: "claim_approved",
        partial: decided.to === "partially_approved",
        approved,
        denied: deniedItems(context),
        note: decided.note,
        return: await returnOf(db, context, data, graphql),
      };
    }
    case "return_received": {
      requireEvent(context, data.eventSequence, ["return_received", "return_arrived_unrequested"]);
      // With a return required, the approval waits for the return's instructions (return_requested);
      // an item that came back before they were asked for has none, so this email tells the approval.
      const decided = lastDecision(context);
      const approvalUntold =
        record(decided.data).returnRequired === true &&
        !state.events.some((event) => event.type === "return_requested");
      return {
        template: "return_received",
        approval: approvalUntold
          ? { partial: decided.to === "partially_approved", approved: approvedItems(context) }
          : null,
      };
    }
    case "claim_resolved":
      return resolvedFacts(db, context, data);
    case "claim_denied": {
      const decided = requireEvent(context, data.eventSequence, ["claim_decided"]);
      const denied = deniedItems(context);
      if (denied.length === 0) throw badRow(message.id, `denied claim ${state.id} has no denied item`);
      return { template: "claim_denied", denied, note: decided.note };
    }
    default:
      throw badRow(message.id, `${message.template} is not a shopper email`);
  }
}

// ---------------------------------------------------------------------------------------------
// The merchant's emails

function claimRef(shop: ShopContact, claim: ClaimForEmail) {
  return {
    number: claim.stored.meta.number,
    customerName: claim.stored.meta.customerName,
    url: merchantClaimUrl(shop.myshopifyDomain, claim.stored.state.id),
  };
}

async function merchantFacts(
  db: PrismaClient,
  message: OutboxMessage,
  shop: ShopContact,
  now: Date,
): Promise<MerchantFacts> {
  switch (message.template) {
    case "merchant_new_claim":
    case "merchant_shopper_replied": {
      const data = parseData(EventEmailDataSchema, message);
      const claim = await requireClaimFor(db, message, message.claimId);
      const context: ClaimContext = { message, claim, state: claim.stored.state, language: "en" };
      if (message.template === "merchant_new_claim") {
        const event = requireEvent(context, data.eventSequence, ["submitted"]);
        return {
          template: "merchant_new_claim",
          claim: claimRef(shop, claim),
          type: claim.stored.state.type,
          items: claim.stored.state.items.map((item) => emailItem(context, item)),
          description: event.note,
          respondBy: data.respondBy ?? claim.stored.meta.respondBy,
        };
      }
      const event = requireEvent(context, data.eventSequence, ["information_provided"]);
      if (!event.note) throw badRow(message.id, `the shopper's answer on claim ${claim.stored.state.id} has no words`);
      return {
        template: "merchant_shopper_replied",
        claim: claimRef(shop, claim),
        answer: event.note,
        respondBy: claim.stored.meta.respondBy,
      };
    }
    case "merchant_response_due":
    case "merchant_response_overdue": {
      const data = parseData(ReminderDataSchema, message);
      if (message.claimId !== null && message.claimId !== data.claimId) {
        throw badRow(message.id, `the reminder names claim ${data.claimId} but the row ${message.claimId}`);
      }
      const claim = await requireClaimFor(db, message, data.claimId);
      const current = claim.stored.meta.respondBy;
      if (current?.getTime() !== data.respondBy.getTime()) {
        throw new EmailNoLongerNeededError(
          `Claim #${claim.stored.meta.number} is no longer due at ${data.respondBy.toISOString()} (now ${current?.toISOString() ?? "not waiting on a response"}).`,
        );
      }
      return { template: message.template, claim: claimRef(shop, claim), respondBy: data.respondBy, now };
    }
    case "merchant_digest": {
      const data = parseData(DigestDataSchema, message);
      const dueBefore = new Date(now.getTime() + data.reminderLeadHours * HOUR_MS);
      const claims = await listDigestClaims(db, message.shop, { since: data.since, dueBefore });
      const entry = (claim: (typeof claims)[number]): DigestEntry => ({
        number: claim.number,
        customerName: claim.customerName,
        url: merchantClaimUrl(shop.myshopifyDomain, claim.id),
        respondBy: claim.respondBy,
        submittedAt: claim.submittedAt,
      });
      // Each claim once, under its most urgent heading.
      const overdue = claims.filter((claim) => claim.respondBy !== null && claim.respondBy <= now);
      const dueSoon = claims.filter(
        (claim) => claim.respondBy !== null && claim.respondBy > now && claim.respondBy <= dueBefore,
      );
      const listed = new Set([...overdue, ...dueSoon].map((claim) => claim.id));
      const fresh = claims.filter((claim) => !listed.has(claim.id) && claim.submittedAt >= data.since);
      return {
        template: "merchant_digest",
        day: data.day,
        leadHours: data.reminderLeadHours,
        overdue: overdue.map(entry),
        dueSoon: dueSoon.map(entry),
        fresh: fresh.map(entry),
      };
    }
    default:
      throw badRow(message.id, `${message.template} is not a merchant email`);
  }
}

/** The merchant's templates are named merchant_*; the rest are the shopper's. */
const isMerchantTemplate = (template: EmailTemplate) => template.startsWith("merchant_");

export interface ComposeOptions {
  /** The shop's Admin API, to name the warehouses returns go to; without it the claim page shows their address. */
  graphql?: AdminGraphql;
}

/**
 * The email of one outbox row, as it reads now. Throws on a row or claim that contradicts the
 * email (a bug to fix, recorded by the worker as the send's error), ClaimRedactedError for a claim
 * erased meanwhile and EmailNoLongerNeededError for a reminder whose claim was answered.
 */
export async function composeEmail(
  db: PrismaClient,
  message: OutboxMessage,
  shop: ShopContact,
  now: Date,
  options: ComposeOptions = {},
): Promise<ComposedEmail> {
  if (isMerchantTemplate(message.template)) {
    const facts = await merchantFacts(db, message, shop, now);
    return renderEmail(merchantEmail({ timezone: shop.timezone, shopName: shop.name }, facts));
  }
  const data = parseData(EventEmailDataSchema, message);
  const claim = await requireClaimFor(db, message, message.claimId);
  // The row's language was the claim's when it was planned; emailLanguageOf keeps it to one we write.
  const language = emailLanguageOf(message.locale);
  const context: ClaimContext = { message, claim, state: claim.stored.state, language };
  const facts = await shopperFacts(db, context, data, options.graphql);
  const frame = {
    language,
    timezone: shop.timezone,
    shopName: shop.name,
    claimNumber: claim.stored.meta.number,
    customerName: claim.stored.meta.customerName,
    orderName: claim.stored.meta.orderName,
    claimUrl: shopperClaimUrl(shop.myshopifyDomain, claim.stored.state.orderId),
  };
  return renderEmail(shopperEmail(frame, facts));
}
