import type { ClaimReason, Flag, ItemReason } from "../../domain/policy/codes";
import type { EvidenceRequirement } from "../../domain/policy/policy-schema";
import type { ReturnDestination } from "../../services/claim-page-evaluation.server";

// The merchant's words for the policy's evaluation and for what a decision does in Shopify. Pure,
// so the sentences the confirmation shows are tested as they read.

export const ITEM_REASON_WORDS: Record<ItemReason, string> = {
  unknown_line_item: "Not part of the order",
  not_fulfilled: "Not shipped yet",
  quantity_exceeds_claimable: "More units than were shipped and not already claimed",
  not_covered: "The product's policy does not offer this kind of claim",
  window_expired: "Reported after the window had ended",
};

export const CLAIM_REASON_WORDS: Record<ClaimReason, string> = {
  missing_evidence: "Evidence the policy asks for was missing",
  missing_preference: "The shopper did not choose between a refund and a replacement",
  no_common_resolution: "The items' policies offer no resolution in common",
  resolution_not_offered: "The shopper asked for a resolution the policy does not offer",
  excluded: "An exclusion was answered yes, and the policy denies exclusions",
};

export const FLAG_WORDS: Record<Flag, string> = {
  firmware_flashed: "Firmware flashed",
  body_opened: "Body opened",
  parts_modified: "Parts modified, removed or swapped",
  unintended_use: "Used other than intended",
  continued_use_after_fault: "Kept using it after the fault",
  accidental_damage: "Accidental damage",
  late_report: "Not reported when it first occurred",
  delivery_date_estimated: "Delivery date estimated",
};

export const EVIDENCE_REQUIREMENT_WORDS: Record<EvidenceRequirement, string> = {
  issue_media: "a photo or video of the problem",
  issue_photo: "a photo of the problem",
  issue_video: "a video of the problem",
  shipping_label_photo: "a photo of the shipping label",
  packaging_photo: "a photo of the packaging",
};

/** "a, b and c" */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

export interface ReturnedItem {
  title: string;
  /** Units approved, hence sent back. */
  quantity: number;
  /** Where the item's claimed units were shipped from, in the order they are drawn on. */
  returnTo: readonly ReturnDestination[];
}

/**
 * What opening the return does, as the confirmation says it: "A return is opened in Shopify for
 * 1 × Nimbus Power Bank on order #1014; the shopper is asked to send it to Berlin Warehouse."
 * Units go back to the warehouse that shipped them, drawn in the same order as the domain does.
 */
export function returnSentence(orderName: string | null, items: readonly ReturnedItem[]): string {
  const shipped = items.filter((item) => item.quantity > 0);
  const units = shipped.reduce((total, item) => total + item.quantity, 0);
  const byWarehouse = new Map<string, string[]>();
  for (const item of shipped) {
    let remaining = item.quantity;
    for (const destination of item.returnTo) {
      if (remaining === 0) break;
      const quantity = Math.min(remaining, destination.quantity);
      remaining -= quantity;
      const warehouse = destination.warehouse ?? "the warehouse it shipped from";
      byWarehouse.set(warehouse, [...(byWarehouse.get(warehouse) ?? []), `${quantity} × ${item.title}`]);
    }
  }
  const what = listWords(shipped.map((item) => `${item.quantity} × ${item.title}`));
  const order = orderName ? `order ${orderName}` : "the order";
  const warehouses = [...byWarehouse.keys()];
  const where =
    warehouses.length === 1
      ? `to send ${units === 1 ? "it" : "them"} to ${warehouses[0]}`
      : `to send ${listWords(warehouses.map((warehouse) => `${listWords(byWarehouse.get(warehouse)!)} to ${warehouse}`))}`;
  return `A return is opened in Shopify for ${what} on ${order}; the shopper is asked ${where}.`;
}

export const NOTHING_IN_SHOPIFY_UNTIL_RESOLVED = "Nothing changes in Shopify until you resolve the claim.";
