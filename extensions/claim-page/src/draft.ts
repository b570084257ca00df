import type {
  AnswerKey,
  ClaimDraft,
  ClaimOption,
  ClaimOptions,
  ClaimPreview,
  ClaimType,
  EvidenceKind,
  Problem,
  Resolution,
} from "../../shared/src/api";

// The claim the shopper is writing: kept in the extension's storage after every change, so
// nothing typed or uploaded is lost when the network fails or the page is left. Pure functions,
// tested without the extension runtime.

export const ARRIVAL_PROBLEMS: readonly Problem[] = ["damaged", "wrong_item", "missing_parts", "not_working"];
export const ANSWER_KEYS: readonly AnswerKey[] = [
  "firmwareFlashed",
  "bodyOpened",
  "partsModified",
  "unintendedUse",
  "continuedUseAfterFault",
  "accidentalDamage",
];
export const DEFAULT_RESOLUTIONS: readonly Resolution[] = ["refund", "replacement"];
export const DESCRIPTION_MAX = 5000;

/** The named evidence slots; the issue slot takes photos or a video. */
export const SLOTS = ["issue", "shipping_label", "packaging"] as const;
export type Slot = (typeof SLOTS)[number];

export interface StoredUpload {
  id: string;
  slot: Slot;
  kind: EvidenceKind;
  fileName: string;
}

export interface Draft {
  version: 1;
  /** Made once per draft: a double tap or a retry after a timeout files one claim. */
  submissionKey: string;
  type: ClaimType;
  problem: Problem | null;
  description: string;
  /** YYYY-MM-DD, or "" when not given. */
  noticedOn: string;
  quantities: Record<string, number>;
  answers: Partial<Record<AnswerKey, boolean>>;
  resolution: Resolution | null;
  uploads: StoredUpload[];
}

export const draftKey = (orderId: string) => `claim-draft:${orderId}`;

export function newSubmissionKey(): string {
  if (typeof crypto !== "undefined" && typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join("");
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${"89ab"[Math.floor(Math.random() * 4)]}${hex(3)}-${hex(12)}`;
}

export function newDraft(options: ClaimOptions): Draft {
  const arrivalOpen = options.items.some((item) => claimability(item, "arrival").claimable);
  const type: ClaimType = arrivalOpen ? "arrival" : "warranty";
  return {
    version: 1,
    submissionKey: newSubmissionKey(),
    type,
    problem: type === "warranty" ? "fault" : null,
    description: "",
    noticedOn: "",
    quantities: {},
    answers: {},
    resolution: null,
    uploads: [],
  };
}

/**
 * What the shopper may ask for: with items chosen, what all their policies offer for the claim's
 * type (empty when nothing is common: they must be claimed apart); else the type's list, else the
 * form's one list (claim-options), else refund and replacement.
 */
export function offeredResolutions(
  options: ClaimOptions,
  draft?: Pick<Draft, "type" | "quantities">,
): readonly Resolution[] {
  if (draft) {
    const chosen = options.items.filter((item) => (draft.quantities[item.lineItemId] ?? 0) > 0);
    const lists = chosen.flatMap((item) => item[draft.type].resolutions ?? []);
    const perItem = chosen.map((item) => item[draft.type].resolutions);
    if (chosen.length > 0 && perItem.every((list) => list !== undefined)) {
      return [...new Set(lists)].filter((r) => perItem.every((list) => list!.includes(r)));
    }
    const byType = options.resolutionsByType?.[draft.type];
    if (byType) return byType;
  }
  return options.resolutions ?? DEFAULT_RESOLUTIONS;
}

/**
 * A stored draft if it is one this version wrote, else null (a fresh draft is started). A
 * preference the policy no longer offers is dropped rather than sent.
 */
export function restoreDraft(stored: unknown, options: ClaimOptions): Draft | null {
  if (!stored || typeof stored !== "object") return null;
  const draft = stored as Partial<Draft>;
  if (draft.version !== 1 || typeof draft.submissionKey !== "string" || !Array.isArray(draft.uploads)) return null;
  if (draft.type !== "arrival" && draft.type !== "warranty") return null;
  const offered =
    draft.resolution &&
    offeredResolutions(options, { type: draft.type, quantities: draft.quantities ?? {} }).includes(draft.resolution);
  return { ...(draft as Draft), resolution: offered ? draft.resolution! : null };
}

export type ItemState =
  | { claimable: true; max: number; windowEndsAt: string | null; estimated: boolean }
  | { claimable: false; why: "notShipped" | "closed" | "notCovered" | "allClaimed"; date: string | null };

/** Whether an item can be claimed under a claim type, and if not, why in a few words. */
export function claimability(item: ClaimOption, type: ClaimType): ItemState {
  const window = item[type];
  if (window.reasons.includes("not_fulfilled")) return { claimable: false, why: "notShipped", date: null };
  if (window.reasons.includes("not_covered")) return { claimable: false, why: "notCovered", date: null };
  if (item.claimableQuantity <= 0) return { claimable: false, why: "allClaimed", date: null };
  if (!window.open) return { claimable: false, why: "closed", date: window.windowEndsAt };
  return {
    claimable: true,
    max: item.claimableQuantity,
    windowEndsAt: window.windowEndsAt,
    estimated: window.deliveryDateEstimated === true,
  };
}

/** Nothing at all can be reported on this order, under either claim type. */
export function nothingClaimable(options: ClaimOptions): boolean {
  return !options.items.some(
    (item) => claimability(item, "arrival").claimable || claimability(item, "warranty").claimable,
  );
}

export function switchType(draft: Draft, type: ClaimType): Draft {
  if (draft.type === type) return draft;
  return {
    ...draft,
    type,
    problem: type === "warranty" ? "fault" : null,
    quantities: {},
    answers: {},
  };
}

/** Which slot an evidence kind fills. */
export function slotOf(kind: EvidenceKind): Slot {
  if (kind === "shipping_label_photo") return "shipping_label";
  if (kind === "packaging_photo") return "packaging";
  return "issue";
}

/** The evidence kind of a file dropped on a slot: the issue slot takes photos and videos. */
export function kindFor(slot: Slot, file: { type: string }): EvidenceKind {
  if (slot === "shipping_label") return "shipping_label_photo";
  if (slot === "packaging") return "packaging_photo";
  return file.type.startsWith("video/") ? "issue_video" : "issue_photo";
}

/** Slots the server said are missing (its evidence requirements, e.g. "issue_media"). */
export function slotsOfRequirements(kinds: readonly string[]): Slot[] {
  const slots = new Set<Slot>();
  for (const kind of kinds) {
    if (kind === "issue_media" || kind === "issue_photo" || kind === "issue_video") slots.add("issue");
    if (kind === "shipping_label_photo") slots.add("shipping_label");
    if (kind === "packaging_photo") slots.add("packaging");
  }
  return [...slots];
}

export function requiredSlotsFrom(preview: ClaimPreview | null): Slot[] {
  return preview ? slotsOfRequirements(preview.missingEvidence.map((m) => m.kind)) : [];
}

export type FieldError = "items" | "problem" | "description" | "noticedOn" | Slot;

/**
 * What the shopper still has to fill in before the claim can be sent. The server decides whether
 * the claim is accepted; this only spares a round trip for an obviously incomplete form.
 */
export function missingFields(draft: Draft, requiredSlots: readonly Slot[], today: string): FieldError[] {
  const missing: FieldError[] = [];
  if (!Object.values(draft.quantities).some((quantity) => quantity > 0)) missing.push("items");
  if (!draft.problem) missing.push("problem");
  if (draft.description.trim().length === 0) missing.push("description");
  if (draft.noticedOn && draft.noticedOn > today) missing.push("noticedOn");
  for (const slot of requiredSlots) {
    if (!draft.uploads.some((upload) => upload.slot === slot)) missing.push(slot);
  }
  return missing;
}

/** The body of POST /api/claims (and, without the key, of the preview). */
export function toClaimDraft(orderId: string, draft: Draft): ClaimDraft {
  return {
    orderId,
    submissionKey: draft.submissionKey,
    type: draft.type,
    // Only sent once canPreview/missingFields found a problem chosen.
    problem: draft.problem ?? "fault",
    description: draft.description.trim(),
    ...(draft.noticedOn ? { problemFirstNoticedAt: `${draft.noticedOn}T12:00:00.000Z` } : {}),
    items: Object.entries(draft.quantities)
      .filter(([, quantity]) => quantity > 0)
      .map(([lineItemId, quantity]) => ({ lineItemId, quantity })),
    // The exclusion questions are a warranty claim's; an answer kept from another type is not sent.
    answers: draft.type === "warranty" ? draft.answers : {},
    preferredResolution: draft.resolution,
    uploadIds: draft.uploads.map((upload) => upload.id),
  };
}

export function toPreviewDraft(orderId: string, draft: Draft): Omit<ClaimDraft, "submissionKey"> {
  const { submissionKey: _key, ...rest } = toClaimDraft(orderId, draft);
  return rest;
}

/** The server is asked for a preview once the claim says what, which items and what happened. */
export function canPreview(draft: Draft): boolean {
  return (
    draft.problem !== null &&
    draft.description.trim().length > 0 &&
    Object.values(draft.quantities).some((quantity) => quantity > 0)
  );
}
