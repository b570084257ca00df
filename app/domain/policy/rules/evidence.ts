import type { EvidenceKind, EvidenceRequirement } from "../policy-schema";
import type { ClaimRule } from "./rule-types";

const SATISFIED_BY: Readonly<Record<EvidenceRequirement, readonly EvidenceKind[]>> = {
  issue_media: ["issue_photo", "issue_video"],
  issue_photo: ["issue_photo"],
  issue_video: ["issue_video"],
  shipping_label_photo: ["shipping_label_photo"],
  packaging_photo: ["packaging_photo"],
};

/** `missing_evidence`: lists the unmet requirements in the policy's order. */
export const evidence: ClaimRule = ({ claim, policy }) => {
  const missing = policy.evidence.filter(
    (requirement) => !SATISFIED_BY[requirement].some((kind) => claim.evidence.includes(kind)),
  );
  return missing.length > 0 ? { reasons: ["missing_evidence"], missingEvidence: missing } : {};
};
