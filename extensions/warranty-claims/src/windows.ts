import type { ClaimOption, ClaimWindow } from "./api";

// What to tell the shopper about one kind of claim for one item: a translation key and the date
// it speaks of. Pure, so it is tested without the extension runtime.

export interface WindowMessage {
  key: string;
  date: string | null;
}

export function arrivalMessage(window: ClaimWindow): WindowMessage {
  if (window.open) return { key: "arrival.open", date: window.windowEndsAt };
  if (window.reasons.includes("not_fulfilled")) return { key: "arrival.notShipped", date: null };
  if (window.reasons.includes("not_covered")) return { key: "arrival.notOffered", date: null };
  if (window.reasons.includes("window_expired")) return { key: "arrival.closed", date: window.windowEndsAt };
  return { key: "arrival.notShipped", date: null };
}

export function warrantyMessage(option: ClaimOption): WindowMessage | null {
  const window = option.warranty;
  if (window.reasons.includes("not_fulfilled")) return null;
  if (option.claimableQuantity === 0) return { key: "warranty.allClaimed", date: null };
  if (window.open) return { key: "warranty.open", date: window.windowEndsAt };
  if (window.reasons.includes("not_covered")) return { key: "warranty.notOffered", date: null };
  if (window.reasons.includes("window_expired")) return { key: "warranty.closed", date: window.windowEndsAt };
  return null;
}
