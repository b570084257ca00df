import { arrivalWindowEnd, warrantyWindowEnd } from "../claim-units";
import { calendarDateAt } from "../time";
import type { EvidenceRequirement, Policy, ShippingPayer } from "./policy-schema";
import { describeProblemPayers, describeResolutions } from "./effective-rules";

// The shop policy in the merchant's own words: what a shopper gets for an item delivered on a
// given day, counted exactly as the engine counts (claim-units' window ends, the shop's
// timezone). Pure, so the settings page runs it in the browser as the merchant types.

export interface PolicyPreview {
  /** One sentence per topic, in the settings page's order. */
  readonly sentences: readonly string[];
  /** The last millisecond of each window (epoch ms), or null when the policy offers none. */
  readonly arrivalWindowEndsAt: number | null;
  readonly warrantyEndsAt: number | null;
}

/** "Europe/Berlin" -> "Berlin time", "America/New_York" -> "New York time", "UTC" -> "UTC". */
export function timeZoneName(timeZone: string): string {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  const city = timeZone.split("/").at(-1) ?? timeZone;
  return `${city.replace(/_/g, " ")} time`;
}

function dayFormatter(timeZone: string, withYear: boolean) {
  const format = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    ...(withYear ? { year: "numeric" } : {}),
  });
  // "Tuesday 3 March": en-GB puts a comma after the weekday; the sentences read better without.
  return (instant: number) =>
    format
      .formatToParts(new Date(instant))
      .filter((part) => part.type !== "literal")
      .map((part) => part.value)
      .join(" ");
}

function clockTime(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(
    new Date(instant),
  );
}

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

const EVIDENCE_WORDS: Record<EvidenceRequirement, string> = {
  issue_media: "a photo or video of the problem",
  issue_photo: "a photo of the problem",
  issue_video: "a video of the problem",
  shipping_label_photo: "a photo of the shipping label",
  packaging_photo: "a photo of the packaging",
};

const PAYER_WORDS: Record<ShippingPayer, string> = {
  merchant: "you pay the return shipping",
  customer: "the shopper pays the return shipping",
  decided_on_review: "you decide who pays the return shipping when you review the claim",
};

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function evidenceSentence(claims: string, evidence: readonly EvidenceRequirement[]): string {
  return evidence.length === 0
    ? `${claims} need no photos or videos.`
    : `${claims} must include ${listInWords(evidence.map((e) => EVIDENCE_WORDS[e]))}.`;
}

function windowsSentence(policy: Policy, deliveredAt: number, timeZone: string, item: string) {
  const deliveryYear = calendarDateAt(deliveredAt, timeZone).year;
  const day = (instant: number) =>
    dayFormatter(timeZone, calendarDateAt(instant, timeZone).year !== deliveryYear)(instant);
  const arrivalEnd = arrivalWindowEnd(deliveredAt, policy, timeZone);
  const warrantyEnd = warrantyWindowEnd(deliveredAt, policy, timeZone);
  const delivered = `${item} delivered on ${day(deliveredAt)}`;
  const until = (end: number) => `until ${day(end)}, ${clockTime(end, timeZone)} ${timeZoneName(timeZone)}`;
  const arrival =
    arrivalEnd === null
      ? "cannot be reported as damaged, wrong or not working on arrival"
      : `can be reported as damaged, wrong or not working on arrival ${until(arrivalEnd)}`;
  const warranty = warrantyEnd === null ? "has no warranty" : `is under warranty ${until(warrantyEnd)}`;
  return { sentence: `${delivered} ${arrival}, and ${warranty}.`, arrivalEnd, warrantyEnd };
}

function responseSentence(hours: number): string {
  const days = hours % 24 === 0 ? ` (${plural(hours / 24, "day")})` : "";
  return `You promise an answer within ${plural(hours, "hour")}${days} of each claim; the inbox counts down to it.`;
}

function exclusionSentence(policy: Policy): string {
  const late =
    `A fault must be reported within ${plural(policy.reportWithinDaysOfNotice, "day")} of the shopper noticing it; ` +
    "a later report counts as an exclusion.";
  const handling =
    policy.exclusionHandling === "deny"
      ? "A claim where an exclusion applies (firmware flashed, body opened, parts changed, misuse, use after the fault, accidental damage, a late report) is refused at once."
      : "A claim where an exclusion applies (firmware flashed, body opened, parts changed, misuse, use after the fault, accidental damage, a late report) comes to you flagged, for you to decide.";
  return `${late} ${handling}`;
}

function returnSentence(policy: Policy): string {
  const ask = policy.returnRequired
    ? "An approved claim asks for the item back (you can waive it per claim)"
    : "An approved claim does not ask for the item back (you can ask for it per claim)";
  const byProblem = describeProblemPayers(policy.returnShippingPaidByProblem);
  const exceptions = byProblem === "as per claim type" ? "" : ` By problem: ${byProblem}.`;
  return `${ask}; on arrival claims ${PAYER_WORDS[policy.arrivalReturnShippingPaidBy]}, on warranty claims ${PAYER_WORDS[policy.warrantyReturnShippingPaidBy]}.${exceptions}`;
}

function resolutionsSentence(policy: Policy): string {
  const fallback =
    policy.outOfStockFallback === "refund"
      ? "a replacement out of stock or a repair that is impossible is refunded"
      : "a replacement out of stock waits for your choice instead of being refunded";
  return (
    `Arrival claims can ask for a ${describeResolutions(policy.arrivalResolutions)}; ` +
    `warranty claims for a ${describeResolutions(policy.warrantyResolutions)}; ${fallback}.`
  );
}

function transitSentence(days: number): string {
  return (
    "When the carrier never confirms delivery, the windows count from the carrier's estimate, or else from " +
    `${plural(days, "day")} after shipping, and the claim is marked as counted from an estimate.`
  );
}

/**
 * The policy's promises for an item (e.g. "A power bank") delivered at `deliveredAt` (epoch ms),
 * counted in `timeZone` (the shop's IANA timezone), as the engine counts them.
 */
export function previewPolicy(policy: Policy, deliveredAt: number, timeZone: string, item = "An item"): PolicyPreview {
  const windows = windowsSentence(policy, deliveredAt, timeZone, item);
  const sentences = [
    windows.sentence,
    responseSentence(policy.responseHours),
    evidenceSentence("Arrival claims", policy.arrivalEvidence),
    evidenceSentence("Warranty claims", policy.warrantyEvidence),
    policy.arrivalRequiresPreference
      ? "An arrival claim must say whether the shopper wants a refund or a replacement."
      : "An arrival claim may leave the choice between a refund and a replacement to you.",
    resolutionsSentence(policy),
    returnSentence(policy),
    exclusionSentence(policy),
    transitSentence(policy.unknownDeliveryTransitDays),
  ];
  if (policy.components.length > 0) {
    const parts = policy.components.map(
      (c) => `${c.name} (${c.chargeIfMissing.amount} ${c.chargeIfMissing.currencyCode})`,
    );
    sentences.push(`A return must include ${listInWords(parts)}; a missing part is charged at that price.`);
  }
  return { sentences, arrivalWindowEndsAt: windows.arrivalEnd, warrantyEndsAt: windows.warrantyEnd };
}
