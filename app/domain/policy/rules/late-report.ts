import { DAY_MS, parseInstant } from "../../time";
import type { ClaimRule } from "./rule-types";

/**
 * `late_report`: a warranty problem first noticed more than `reportWithinDaysOfNotice` x 24 h
 * before now ("fails to contact us when the problem first occurs").
 */
export const lateReport: ClaimRule = ({ claim, now, policy }) => {
  const noticedAt = claim.answers?.problemFirstNoticedAt;
  if (claim.type !== "warranty" || noticedAt === undefined) return {};
  const late = now - parseInstant(noticedAt) > policy.reportWithinDaysOfNotice * DAY_MS;
  return late ? { flags: ["late_report"] } : {};
};
