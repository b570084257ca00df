import type { ClaimUnit } from "../../claim-units";
import type { Claim, OrderLine } from "../../evaluate-claim-schema";
import type { ClaimReason, Flag, ItemReason } from "../codes";
import type { EvidenceRequirement, Policy } from "../policy-schema";
import type { ClaimPolicy, ClaimType } from "../resolve-policy";

/** What an item rule sees: one claimed item, its order line and its product's policy. */
export type ItemRuleContext = {
  readonly claimType: ClaimType;
  readonly now: number;
  readonly quantity: number;
  /** Undefined when the claimed line item is not on the order. */
  readonly line: OrderLine | undefined;
  readonly policy: Policy | undefined;
  readonly fulfilledUnits: number;
  readonly claimableUnits: number;
  /** The units the claim draws on, latest delivered first. */
  readonly drawnUnits: readonly ClaimUnit[];
};

export type ItemRule = (context: ItemRuleContext) => readonly ItemReason[];

/** What a claim rule sees: the whole claim, the combined policy and the items' drawn units. */
export type ClaimRuleContext = {
  readonly claim: Claim;
  readonly now: number;
  readonly policy: ClaimPolicy;
  readonly drawnUnits: readonly ClaimUnit[];
};

type ClaimRuleResult = {
  readonly reasons?: readonly ClaimReason[];
  readonly flags?: readonly Flag[];
  readonly missingEvidence?: readonly EvidenceRequirement[];
};

/** Claim rules also see the flags raised by the rules before them (the registry orders them). */
export type ClaimRule = (context: ClaimRuleContext, flagsSoFar: readonly Flag[]) => ClaimRuleResult;
