import type { Flag } from "../codes";
import type { ClaimAnswers } from "../../evaluate-claim-schema";
import type { ClaimRule } from "./rule-types";

const ANSWER_FLAGS: ReadonlyArray<readonly [keyof ClaimAnswers, Flag]> = [
  ["firmwareFlashed", "firmware_flashed"],
  ["bodyOpened", "body_opened"],
  ["partsModified", "parts_modified"],
  ["unintendedUse", "unintended_use"],
  ["continuedUseAfterFault", "continued_use_after_fault"],
  ["accidentalDamage", "accidental_damage"],
];

/** The guarantee's exclusions, as the shopper answered them: each `true` raises its flag. */
export const exclusionAnswers: ClaimRule = ({ claim }) => ({
  flags: ANSWER_FLAGS.filter(([answer]) => claim.answers?.[answer] === true).map(([, flag]) => flag),
});
