// The claim statuses and event types the app's API sends, for their translated labels. Copied from
// the domain (app/domain/claim-lifecycle): the extension bundles hold only their own code.
// test/unit/extension-locales.test.ts fails when these lists and the domain's differ.

export const CLAIM_STATUSES = [
  "submitted",
  "needs_information",
  "approved",
  "partially_approved",
  "denied",
  "awaiting_return",
  "return_in_transit",
  "return_received",
  "inspected",
  "resolved",
  "return_lost",
  "cancelled",
  "closed",
] as const;

export const CLAIM_EVENT_TYPES = [
  "submitted",
  "information_requested",
  "information_provided",
  "item_decided",
  "claim_decided",
  "return_requested",
  "return_shipped",
  "return_received",
  "return_inspected",
  "resolved",
  "return_lost",
  "return_arrived_unrequested",
  "cancelled",
  "closed",
] as const;

const known = (list: readonly string[], value: string) => list.includes(value);

/** The locale key of a status; a status newer than this bundle reads as "other". */
export const statusKey = (status: string) => (known(CLAIM_STATUSES, status) ? `status.${status}` : "status.other");

/** The locale key of a timeline event; a newer event type reads as "other". */
export const eventKey = (type: string) => (known(CLAIM_EVENT_TYPES, type) ? `events.${type}` : "events.other");
