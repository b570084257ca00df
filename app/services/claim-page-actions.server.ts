import { z } from "zod";
import { findClaim, merchantClaimNotFound, type StoredClaim } from "../db/claims.server";
import { parseRequestInput } from "../utils/request-input.server";
import type { ClaimActionContext, ClaimActionOutcome } from "./claim-actions/define-claim-action.server";
import { requestInformation } from "./claim-actions/request-information.server";
import { decide, requestClaimReturn } from "./claim-actions/decide.server";
import { closeClaim } from "./claim-actions/close-claim.server";
import { markReturnLost } from "./claim-actions/mark-return-lost.server";
import { receiveReturn } from "./claim-actions/receive-return.server";
import { recordUnrequestedReturn } from "./claim-actions/record-unrequested-return.server";
import { shipReturn } from "./claim-actions/ship-return.server";
import { inspectReturn } from "./claim-actions/inspect-return.server";
import { resolve } from "./claim-actions/resolve.server";
import { resendEmail } from "./claim-actions/resend-email.server";

// Every action of the claim page, one `intent` each. The page posts JSON: the intent, the
// claim's version the merchant saw, and the action's own fields. Add an action by writing its
// definition in `claim-actions/` and listing it here.

const CLAIM_PAGE_ACTIONS = [
  decide,
  requestClaimReturn,
  requestInformation,
  shipReturn,
  receiveReturn,
  recordUnrequestedReturn,
  markReturnLost,
  inspectReturn,
  resolve,
  closeClaim,
  resendEmail,
] as const;

export type ClaimPageIntent = (typeof CLAIM_PAGE_ACTIONS)[number]["intent"];
export const CLAIM_PAGE_INTENTS = CLAIM_PAGE_ACTIONS.map((action) => action.intent) as [
  ClaimPageIntent,
  ...ClaimPageIntent[],
];

const EnvelopeSchema = z.looseObject({
  intent: z.enum(CLAIM_PAGE_INTENTS, { error: `choose one of ${CLAIM_PAGE_INTENTS.join(", ")}` }),
  /** The claim's version the merchant saw. */
  version: z.coerce.number().int().positive(),
});

export interface ClaimPageActionResult extends ClaimActionOutcome {
  ok: true;
  intent: ClaimPageIntent;
  number: number;
}

/** The intents the claim allows now, in the page's order. */
export function availableClaimActions(claim: StoredClaim): ClaimPageIntent[] {
  return CLAIM_PAGE_ACTIONS.filter((action) => action.available(claim)).map((action) => action.intent);
}

export async function runClaimPageAction(
  context: Omit<ClaimActionContext, "version">,
  body: unknown,
): Promise<ClaimPageActionResult> {
  const { intent, version, ...fields } = parseRequestInput(EnvelopeSchema, body);
  const definition = CLAIM_PAGE_ACTIONS.find((action) => action.intent === intent)!;
  // Another shop's claim is the same 404 as one that does not exist, before its input is judged.
  const claim = await findClaim(context.db, context.shop, context.claimId);
  if (!claim) throw merchantClaimNotFound();
  const input = parseRequestInput(definition.input, fields);
  const outcome = await definition.run({ ...context, version }, input as never);
  return { ok: true, intent, number: claim.meta.number, ...outcome };
}
