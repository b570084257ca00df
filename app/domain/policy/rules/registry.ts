import { arrivalWindow } from "./arrival-window";
import { claimableQuantity } from "./claimable-quantity";
import { coverage } from "./coverage";
import { deliveryDateEstimated } from "./delivery-date-estimated";
import { evidence } from "./evidence";
import { exclusionAnswers } from "./exclusion-answers";
import { exclusionHandling } from "./exclusion-handling";
import { fulfilled } from "./fulfilled";
import { lateReport } from "./late-report";
import { lineItemKnown } from "./line-item-known";
import { preference } from "./preference";
import { resolutionOffered } from "./resolution-offered";
import type { ClaimRule, ItemRule } from "./rule-types";
import { warrantyWindow } from "./warranty-window";

/** Every item rule; an item is eligible when none returns a reason. */
export const ITEM_RULES: readonly ItemRule[] = [
  lineItemKnown,
  fulfilled,
  claimableQuantity,
  coverage,
  arrivalWindow,
  warrantyWindow,
];

/** Every claim rule, flag-raising rules before `exclusionHandling`, which reads their flags. */
export const CLAIM_RULES: readonly ClaimRule[] = [
  exclusionAnswers,
  lateReport,
  deliveryDateEstimated,
  evidence,
  preference,
  resolutionOffered,
  exclusionHandling,
];
