import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@prisma/client";
import { findClaimBySubmissionKey, insertClaim, type StoredClaim } from "../db/claims.server";
import { deliveryFactsForOrder } from "../db/delivery-facts.server";
import { draftEvidenceKinds } from "../db/evidence.server";
import { heldUnitsOfOrder } from "../db/order-claims.server";
import { productOverridesFor, readShopPolicyOverride } from "../db/policies.server";
import { submitClaim as openClaim } from "../domain/claim-lifecycle/apply-claim-command";
import { claimSubmissionFromEvaluation } from "../domain/claim-lifecycle/claim-submission";
import { evaluationAtSubmission, type EvaluationAtSubmission } from "../domain/evaluation-at-submission";
import { DomainError } from "../domain/errors";
import { money, parseMoney, sum, toMoneyInput, type MoneyInput } from "../domain/money";
import { evaluateClaim } from "../domain/evaluate-claim";
import {
  CLAIM_TYPES,
  ClaimSchema,
  RESOLUTIONS_BY_CLAIM_TYPE,
  type Claim,
  type ClaimProblem,
  type ClaimEvaluation,
  type ClaimEvaluationInput,
  type PreferredResolution,
} from "../domain/evaluate-claim-schema";
import { claimNotEligible, commonResolutions } from "../domain/policy/offered-resolutions";
import type { ClaimType } from "../domain/policy/resolve-policy";
import { shopperLanguage, type ShopperLanguage } from "../i18n/shopper-messages";
import type { AdminGraphql } from "../shopify/admin-client.server";
import { fetchOrderFacts, type MoneyAmount } from "../shopify/order-facts.server";
import { fetchShopProfile } from "../shopify/shop.server";
import { attachUploads, uploadErrors } from "./evidence/uploads.server";
import {
  evaluationOrderFromDeliveryFacts,
  evaluationOrderFromShopify,
  type EvaluationOrder,
} from "./claim-evaluation.server";

// Evaluating and submitting a shopper's claim: the order's facts (from Shopify, or from our
// delivery records once Shopify hides the order), the shop's policy and the products' overrides go
// into the policy engine; an eligible claim is stored with its first event.

export interface ClaimContext {
  shop: string;
  /** The shopper, from the customer-account session token; the order must be theirs. */
  customerId: string;
  orderId: string;
}

interface LoadedOrder {
  order: EvaluationOrder;
  timezone: string;
  orderName: string | null;
  /** The shopper's name for the merchant's inbox, when Shopify still shows the order. */
  customerName: string | null;
  /** Where the shopper's claim emails go (the order's email), when Shopify still shows the order. */
  customerEmail: string | null;
  /** The language the shopper ordered in, when Shopify still shows the order and knows it. */
  customerLocale: string | null;
  /** What the shopper calls each line (Shopify's line name), when Shopify still shows the order. */
  lineNames: Record<string, string>;
  /** Each line's price paid per unit, after discounts, in the order's currency, when Shopify still shows the order. */
  unitPrices: Record<string, MoneyAmount>;
}

/**
 * What the claimed items cost the shopper: the price paid per unit × the claimed units, summed in
 * the order's currency; null when a line's price is not known (Shopify no longer shows the order).
 */
function claimedValue(
  items: readonly { lineItemId: string; quantity: number }[],
  unitPrices: Readonly<Record<string, MoneyAmount>>,
): MoneyInput | null {
  const priced = items.map((item) => ({ item, price: unitPrices[item.lineItemId] }));
  const [first] = priced;
  if (!first?.price || priced.some(({ price }) => price === undefined)) return null;
  const currencyCode = first.price.currencyCode;
  const lines = priced.map(({ item, price }) => {
    const unit = parseMoney(price!.amount, price!.currencyCode);
    return money(unit.minorUnits * item.quantity, unit.currencyCode);
  });
  return toMoneyInput(sum(lines, currencyCode));
}

/** An order of the shop, without a shopper: the merchant's policy tester reads any of them. */
interface StaffOrderContext {
  shop: string;
  orderId: string;
}

/** Who reads the order: its shopper (it must be theirs) or the shop's staff (any order of the shop). */
type OrderReader = { kind: "shopper"; customerId: string } | { kind: "staff" };

const shopperOf = (context: ClaimContext): OrderReader => ({ kind: "shopper", customerId: context.customerId });

async function loadOrder(
  db: PrismaClient,
  graphql: AdminGraphql,
  context: StaffOrderContext,
  reader: OrderReader,
): Promise<LoadedOrder> {
  const claimed = await heldUnitsOfOrder(db, context.shop, context.orderId);
  const notFound =
    reader.kind === "shopper"
      ? new DomainError("not_found", "order.not_found", "We could not find this order in your account.")
      : new DomainError(
          "not_found",
          "order.not_found",
          "This order is not in your store, or Shopify no longer shows it and no delivery was recorded for it. Search for the order by its name again.",
        );
  const facts = await fetchOrderFacts(graphql, context.orderId);
  if (facts) {
    if (reader.kind === "shopper" && facts.customerId !== reader.customerId) throw notFound;
    return {
      order: evaluationOrderFromShopify(facts, claimed),
      timezone: facts.shop.timezone,
      orderName: facts.orderName,
      customerName: facts.customerName,
      customerEmail: facts.customerEmail,
      customerLocale: facts.customerLocale,
      lineNames: Object.fromEntries(facts.lines.map((line) => [line.lineItemId, line.name])),
      unitPrices: Object.fromEntries(facts.lines.map((line) => [line.lineItemId, line.unitPricePaid.presentment])),
    };
  }
  // Shopify no longer shows the order (older than 60 days without read_all_orders).
  const delivered = await deliveryFactsForOrder(db, context.shop, context.orderId);
  if (reader.kind === "staff") {
    if (delivered.length === 0) throw notFound;
  } else {
    // Only facts that name this shopper prove the order is theirs (orders/fulfilled or the backfill
    // record the customer; fulfillment webhooks alone do not).
    const owned = delivered.some((f) => f.customerId === reader.customerId);
    if (!owned || delivered.some((f) => f.customerId !== null && f.customerId !== reader.customerId)) {
      throw notFound;
    }
  }
  const timezone = await shopTimezone(graphql);
  return {
    order: evaluationOrderFromDeliveryFacts(context.orderId, delivered, claimed),
    timezone,
    orderName: null,
    customerName: null,
    customerEmail: null,
    customerLocale: null,
    lineNames: {},
    unitPrices: {},
  };
}

/** Throws order.not_found (404) unless the order is the shopper's in the token's shop. */
export async function assertOrderOwned(db: PrismaClient, graphql: AdminGraphql, context: ClaimContext): Promise<void> {
  await loadOrder(db, graphql, context, shopperOf(context));
}

async function shopTimezone(graphql: AdminGraphql): Promise<string> {
  return (await fetchShopProfile(graphql)).ianaTimezone;
}

/** What the policy engine needs besides the order: read once per request, whatever it evaluates. */
interface PolicyInputs {
  policy: ClaimEvaluationInput["policy"];
  productOverrides: ClaimEvaluationInput["productOverrides"];
}

async function readPolicyInputs(db: PrismaClient, loaded: LoadedOrder, shop: string): Promise<PolicyInputs> {
  const productIds = [...new Set(loaded.order.lines.map((l) => l.productId))];
  return {
    policy: await readShopPolicyOverride(db, shop),
    productOverrides: await productOverridesFor(db, shop, productIds),
  };
}

function evaluationInput(loaded: LoadedOrder, inputs: PolicyInputs, claim: Claim, now: Date): ClaimEvaluationInput {
  return {
    now: now.toISOString(),
    shop: { timezone: loaded.timezone },
    policy: inputs.policy,
    productOverrides: inputs.productOverrides,
    order: loaded.order,
    claim,
  };
}

function parseClaim(input: unknown): Claim {
  const parsed = ClaimSchema.safeParse(input);
  if (!parsed.success) {
    throw new DomainError(
      "invalid",
      "claim.invalid",
      parsed.error.issues.map((i) => `${i.path.join(".") || "claim"}: ${i.message}`).join("; "),
    );
  }
  return parsed.data;
}

/** What the shopper sees before submitting: eligibility, deadlines, missing evidence, the shop's time zone. */
export async function previewClaim(
  db: PrismaClient,
  graphql: AdminGraphql,
  context: ClaimContext,
  claim: unknown,
  now: Date,
  /** The shopper's own unattached uploads of the order: their kinds are the claim's evidence. */
  uploadIds?: readonly string[],
): Promise<ClaimEvaluation & { timezone: string }> {
  const loaded = await loadOrder(db, graphql, context, shopperOf(context));
  const inputs = await readPolicyInputs(db, loaded, context.shop);
  const parsed = await withUploadedEvidence(db, context, parseClaim(claim), uploadIds);
  return { ...evaluateClaim(evaluationInput(loaded, inputs, parsed, now)), timezone: loaded.timezone };
}

interface StaffClaimTest {
  evaluation: ClaimEvaluation;
  /** Each claimed unit's delivery and windows, as the claim page shows a filed claim's evaluation. */
  asFiled: EvaluationAtSubmission;
  orderName: string | null;
  lineNames: Record<string, string>;
}

/**
 * The policy tester: the engine's evaluation of a claim the merchant describes on any order of the
 * shop, on the same path as the shopper's preview (the order's facts, the shop's policy and the
 * products' overrides as they are now), with the evidence the merchant says the shopper attached.
 * Nothing is stored.
 */
export async function testClaimAsStaff(
  db: PrismaClient,
  graphql: AdminGraphql,
  context: StaffOrderContext,
  claim: unknown,
  now: Date,
): Promise<StaffClaimTest> {
  const loaded = await loadOrder(db, graphql, context, { kind: "staff" });
  const inputs = await readPolicyInputs(db, loaded, context.shop);
  const input = evaluationInput(loaded, inputs, parseClaim(claim), now);
  const evaluation = evaluateClaim(input);
  return {
    evaluation,
    asFiled: evaluationAtSubmission(input, evaluation),
    orderName: loaded.orderName,
    lineNames: loaded.lineNames,
  };
}

/**
 * The claim with the kinds of the shopper's own unattached uploads of the order as its evidence.
 * Read after the order was found to be theirs, so nothing is said about uploads of anyone else's.
 */
async function withUploadedEvidence(
  db: PrismaClient,
  context: ClaimContext,
  claim: Claim,
  uploadIds: readonly string[] | undefined,
): Promise<Claim> {
  if (uploadIds === undefined) return claim;
  const ids = [...new Set(uploadIds)];
  if (ids.length === 0) return { ...claim, evidence: [] };
  const kinds = await draftEvidenceKinds(db, context, ids);
  if (kinds.length !== ids.length) throw uploadErrors.notFound();
  return { ...claim, evidence: [...new Set(kinds)] };
}

interface SubmittedClaim {
  claim: StoredClaim;
  /** The engine's evaluation; null when the submission key found the claim an earlier request made. */
  evaluation: ClaimEvaluation | null;
  /** False when the submission key found the claim an earlier request made (a retry, a double tap). */
  created: boolean;
}

interface SubmitClaimInput {
  claim: unknown;
  /** The shopper's description, the submitted event's note. */
  note?: string;
  problem?: ClaimProblem;
  /** The client's idempotency key: the same key again finds the same claim. */
  submissionKey?: string;
  /** The shopper's own unattached uploads of the order: their kinds are the claim's evidence, and they are attached in the claim's transaction. */
  uploadIds?: string[];
  /** The language the shopper filed in (their request's): their emails' language. */
  locale?: ShopperLanguage;
}

/** The claim an earlier request submitted with this key, if it is this shopper's for this order. */
async function claimOfSubmissionKey(
  db: PrismaClient,
  context: ClaimContext,
  submissionKey: string,
): Promise<StoredClaim | null> {
  const earlier = await findClaimBySubmissionKey(db, context.shop, submissionKey);
  if (!earlier) return null;
  if (earlier.meta.customerId !== context.customerId || earlier.state.orderId !== context.orderId) {
    // Never someone else's claim, nor a word about it.
    throw new DomainError(
      "conflict",
      "claim.submission_key_taken",
      "This form was already used for another submission. Reload the page and fill in the form again.",
    );
  }
  return earlier;
}

/**
 * Submits an eligible claim; an ineligible one is refused with the reasons the engine gave. With a
 * submission key, a repeat (a retry after a timeout, a double tap, a racing copy) answers with the
 * claim the first request made instead of a second claim.
 */
export async function submitClaim(
  db: PrismaClient,
  graphql: AdminGraphql,
  context: ClaimContext,
  input: SubmitClaimInput,
  now: Date,
): Promise<SubmittedClaim> {
  const { submissionKey } = input;
  if (submissionKey !== undefined) {
    const earlier = await claimOfSubmissionKey(db, context, submissionKey);
    if (earlier) return { claim: earlier, evaluation: null, created: false };
  }
  try {
    return await submitNewClaim(db, graphql, context, input, now);
  } catch (error) {
    // A copy with the same key committed first: on PostgreSQL its unique violation aborted our
    // transaction (hence caught here, outside it), or it took our uploads. Answer with its claim.
    const earlier = submissionKey === undefined ? null : await claimOfSubmissionKey(db, context, submissionKey);
    if (earlier) return { claim: earlier, evaluation: null, created: false };
    throw error;
  }
}

async function submitNewClaim(
  db: PrismaClient,
  graphql: AdminGraphql,
  context: ClaimContext,
  input: SubmitClaimInput,
  now: Date,
): Promise<SubmittedClaim> {
  const loaded = await loadOrder(db, graphql, context, shopperOf(context));
  const inputs = await readPolicyInputs(db, loaded, context.shop);
  const claim = await withUploadedEvidence(db, context, parseClaim(input.claim), input.uploadIds);
  const evaluationIn = evaluationInput(loaded, inputs, claim, now);
  const evaluation = evaluateClaim(evaluationIn);
  if (!evaluation.eligible) {
    throw claimNotEligible([...evaluation.reasons, ...evaluation.items.flatMap((i) => i.reasons)]);
  }
  const submission = claimSubmissionFromEvaluation(randomUUID(), evaluationIn, evaluation, input.note, input.problem);
  const { state } = openClaim(submission, now, { type: "customer", id: context.customerId });
  const stored = await db.$transaction(async (tx) => {
    const inserted = await insertClaim(tx, {
      shop: context.shop,
      state,
      orderName: loaded.orderName,
      customerId: context.customerId,
      customerName: loaded.customerName,
      customerEmail: loaded.customerEmail,
      // The language they filed in, else the one they ordered in; unknown: the emails' default.
      locale: input.locale ?? (loaded.customerLocale ? shopperLanguage(loaded.customerLocale) : null),
      submissionKey: input.submissionKey ?? null,
      itemTitles: loaded.lineNames,
      claimedValue: claimedValue(state.items, loaded.unitPrices),
    });
    const uploadIds = input.uploadIds ?? [];
    if (uploadIds.length === 0) return inserted;
    await attachUploads(tx, { ...context, claimId: state.id, uploadIds, now });
    return inserted;
  });
  return { claim: stored, evaluation, created: true };
}

interface ClaimWindow {
  /** Whether one unit of the line can be claimed this way now (evidence aside). */
  open: boolean;
  /** The last instant of the window (of the latest unit), or null when it does not apply. */
  windowEndsAt: string | null;
  reasons: string[];
  /** The window counts from an estimated delivery date (Shopify knows no delivery yet). */
  deliveryDateEstimated: boolean;
  /** What the line's policy offers for this claim type. */
  resolutions: PreferredResolution[];
}

interface ClaimOption {
  lineItemId: string;
  name: string | null;
  /** Units that can still be claimed (fulfilled, not in another open claim). */
  claimableQuantity: number;
  arrival: ClaimWindow;
  warranty: ClaimWindow;
}

export interface ClaimOptions {
  orderId: string;
  orderName: string | null;
  timezone: string;
  items: ClaimOption[];
  /** What the shopper may ask for under every claim type they can file now (the form's one list). */
  resolutions: PreferredResolution[];
  /** What the shopper may ask for, by claim type. */
  resolutionsByType: Record<ClaimType, PreferredResolution[]>;
}

/**
 * For the shopper's order page: per line, whether an arrival or a warranty claim is open and until
 * when, as the policy engine sees it (evidence and answers are asked for when filing).
 */
export async function claimOptions(
  db: PrismaClient,
  graphql: AdminGraphql,
  context: ClaimContext,
  now: Date,
): Promise<ClaimOptions> {
  return claimOptionsOf(db, context, await loadOrder(db, graphql, context, shopperOf(context)), now);
}

/** The same windows for the shop's staff, on any order of the shop (the policy tester's order). */
export async function staffClaimOptions(
  db: PrismaClient,
  graphql: AdminGraphql,
  context: StaffOrderContext,
  now: Date,
): Promise<ClaimOptions> {
  return claimOptionsOf(db, context, await loadOrder(db, graphql, context, { kind: "staff" }), now);
}

async function claimOptionsOf(
  db: PrismaClient,
  context: StaffOrderContext,
  loaded: LoadedOrder,
  now: Date,
): Promise<ClaimOptions> {
  // The policy and the overrides are read once for every line and claim type.
  const inputs = await readPolicyInputs(db, loaded, context.shop);
  const items = loaded.order.lines.map((line): ClaimOption => {
    const fulfilled = line.fulfillments.reduce((total, f) => total + f.quantity, 0);
    const claimableQuantity = Math.max(0, fulfilled - (line.previouslyClaimedQuantity ?? 0));
    const windowFor = (type: "arrival" | "warranty"): ClaimWindow => {
      const claim = { type, items: [{ lineItemId: line.lineItemId, quantity: 1 }], evidence: [] };
      const evaluation = evaluateClaim(evaluationInput(loaded, inputs, claim, now));
      const [item] = evaluation.items;
      return {
        open: item?.eligible ?? false,
        windowEndsAt: item?.windowEndsAt ?? null,
        reasons: item?.reasons ?? [],
        deliveryDateEstimated: evaluation.flags.includes("delivery_date_estimated"),
        resolutions: evaluation.resolutions,
      };
    };
    return {
      lineItemId: line.lineItemId,
      name: loaded.lineNames[line.lineItemId] ?? null,
      claimableQuantity,
      arrival: windowFor("arrival"),
      warranty: windowFor("warranty"),
    };
  });
  // Per type: what every line still open for it offers (its product's policy). The form's one
  // list for clients that do not choose per item: what each type still open offers.
  const openFor = (type: ClaimType) => items.filter((item) => item[type].open && item.claimableQuantity > 0);
  const byType = (type: ClaimType) =>
    commonResolutions(
      (openFor(type).length > 0 ? openFor(type) : items).map((item) => item[type].resolutions),
      RESOLUTIONS_BY_CLAIM_TYPE[type],
    );
  const resolutionsByType = { arrival: byType("arrival"), warranty: byType("warranty") };
  const open = CLAIM_TYPES.filter((type) => openFor(type).length > 0);
  return {
    orderId: context.orderId,
    orderName: loaded.orderName,
    timezone: loaded.timezone,
    items,
    resolutions: commonResolutions((open.length > 0 ? open : CLAIM_TYPES).map((type) => resolutionsByType[type])),
    resolutionsByType,
  };
}
