import { z } from "zod";
import type { DenialClauseId, DenialReason, DeniedWith } from "./claim-lifecycle/claim-state";

// The clauses a merchant cites when denying an item, as data: the merchant's label, where the
// written guarantee says so, and the shopper's plain words in each language the shopper's screens
// speak. The defaults follow the written guarantee (shared/guarantee-policy.txt); a shop's own
// clauses (issue 11) take the same shape.

export const CLAUSE_LANGUAGES = ["en", "fr", "de", "es"] as const;
type ClauseLanguage = (typeof CLAUSE_LANGUAGES)[number];

export interface DenialClause {
  /** The guarantee's reason code, or a shop's own clause id (custom_…). */
  reason: DenialClauseId;
  /** What the merchant picks from. */
  label: string;
  /** The guarantee's words this clause cites, shown to the merchant beside the label. */
  guarantee: string | null;
  /** What the shopper reads on their claim, in plain words (German "Sie", Spanish "tú"). */
  shopperWords: Readonly<Record<ClauseLanguage, string>>;
}

const clause = (
  reason: DenialReason,
  label: string,
  guarantee: string | null,
  shopperWords: DenialClause["shopperWords"],
): DenialClause => ({ reason, label, guarantee, shopperWords });

/** Offered when denying an item, in the guarantee's order; "other" needs a note saying why. */
export const DEFAULT_DENIAL_CLAUSES: readonly DenialClause[] = [
  clause("firmware_flashed", "Firmware flashed", "Exclusion a): flashes the firmware of a device", {
    en: "The guarantee does not cover a device whose firmware was flashed.",
    fr: "La garantie ne couvre pas un appareil dont le firmware a été flashé.",
    de: "Die Garantie gilt nicht für ein Gerät, dessen Firmware geflasht wurde.",
    es: "La garantía no cubre un dispositivo cuyo firmware se ha flasheado.",
  }),
  clause("body_opened", "Body opened", "Exclusion a): opens the body in an attempt to fix the product", {
    en: "The guarantee does not cover a product whose body was opened in an attempt to fix it.",
    fr: "La garantie ne couvre pas un produit dont le boîtier a été ouvert pour tenter de le réparer.",
    de: "Die Garantie gilt nicht für ein Produkt, dessen Gehäuse für einen Reparaturversuch geöffnet wurde.",
    es: "La garantía no cubre un producto cuya carcasa se abrió para intentar repararlo.",
  }),
  clause(
    "parts_modified",
    "Parts modified, removed or swapped",
    "Exclusion a): modifies, removes or swaps parts of a product",
    {
      en: "The guarantee does not cover a product whose parts were modified, removed or swapped.",
      fr: "La garantie ne couvre pas un produit dont des pièces ont été modifiées, retirées ou échangées.",
      de: "Die Garantie gilt nicht für ein Produkt, dessen Teile verändert, entfernt oder ausgetauscht wurden.",
      es: "La garantía no cubre un producto cuyas piezas se modificaron, retiraron o cambiaron.",
    },
  ),
  clause("unintended_use", "Unintended use", "Exclusion a): uses the device in a way that it is not intended for", {
    en: "The guarantee does not cover a device used in a way it is not intended for.",
    fr: "La garantie ne couvre pas un appareil utilisé d'une manière non prévue.",
    de: "Die Garantie gilt nicht für ein Gerät, das nicht bestimmungsgemäß verwendet wurde.",
    es: "La garantía no cubre un dispositivo usado de una forma para la que no está pensado.",
  }),
  clause(
    "continued_use_after_fault",
    "Kept using it after the fault",
    "Exclusion a): continues to use it once the fault occurs and causes more damage",
    {
      en: "The guarantee does not cover more damage caused by using the product after the fault occurred.",
      fr: "La garantie ne couvre pas les dommages supplémentaires causés par l'utilisation du produit après la panne.",
      de: "Die Garantie deckt keine weiteren Schäden, die durch die Nutzung nach dem Auftreten des Defekts entstanden sind.",
      es: "La garantía no cubre los daños adicionales causados por seguir usando el producto después de la avería.",
    },
  ),
  clause(
    "late_report",
    "Not reported when it first occurred",
    "Exclusion a): fails to contact us when the problem first occurs",
    {
      en: "The guarantee asks you to contact the store when the problem first occurs.",
      fr: "La garantie demande de contacter la boutique dès l'apparition du problème.",
      de: "Laut Garantie muss der Shop kontaktiert werden, sobald das Problem zum ersten Mal auftritt.",
      es: "La garantía pide contactar con la tienda en cuanto aparece el problema.",
    },
  ),
  clause("accidental_damage", "Accidental breakage", "Exclusion b): damage from accidental breakage", {
    en: "The guarantee does not cover damage from accidental breakage.",
    fr: "La garantie ne couvre pas les dommages dus à une casse accidentelle.",
    de: "Die Garantie deckt keine Schäden durch versehentlichen Bruch.",
    es: "La garantía no cubre daños por rotura accidental.",
  }),
  clause("misuse", "Misuse", "Exclusion b): damage from misuse", {
    en: "The guarantee does not cover damage from misuse.",
    fr: "La garantie ne couvre pas les dommages dus à une mauvaise utilisation.",
    de: "Die Garantie deckt keine Schäden durch unsachgemäßen Gebrauch.",
    es: "La garantía no cubre daños por mal uso.",
  }),
  clause("wear_and_tear", "Wear and tear", "Exclusion b): general wear and tear", {
    en: "The guarantee does not cover general wear and tear.",
    fr: "La garantie ne couvre pas l'usure normale.",
    de: "Die Garantie deckt keine normale Abnutzung.",
    es: "La garantía no cubre el desgaste normal.",
  }),
  clause(
    "window_expired",
    "Outside the window",
    "Reported after the arrival window (days after delivery) or the warranty period had ended",
    {
      en: "The problem was reported after the guarantee's period had ended.",
      fr: "Le problème a été signalé après la fin de la période de garantie.",
      de: "Das Problem wurde nach dem Ende der Garantiefrist gemeldet.",
      es: "El problema se notificó después de que terminara el periodo de garantía.",
    },
  ),
  clause("not_covered", "Product not covered", "The product's policy offers no claim of this kind", {
    en: "This item is not covered by the store's guarantee.",
    fr: "Cet article n'est pas couvert par la garantie de la boutique.",
    de: "Dieser Artikel ist nicht durch die Garantie des Shops abgedeckt.",
    es: "Este artículo no está cubierto por la garantía de la tienda.",
  }),
  clause("missing_evidence", "Evidence not provided", "A photo or a video showing the issue", {
    en: "The photos or video the guarantee asks for were not provided.",
    fr: "Les photos ou la vidéo demandées par la garantie n'ont pas été fournies.",
    de: "Die Fotos oder das Video, die die Garantie verlangt, fehlten.",
    es: "No se aportaron las fotos o el vídeo que pide la garantía.",
  }),
  clause("other", "Other (say why in the note)", null, {
    en: "The store explains its decision in its message.",
    fr: "La boutique explique sa décision dans son message.",
    de: "Der Shop erklärt seine Entscheidung in seiner Nachricht.",
    es: "La tienda explica su decisión en su mensaje.",
  }),
];

/** Reasons the policy engine gives that a merchant may still cite; not offered, but words for the shopper all the same. */
const ENGINE_CLAUSES: readonly DenialClause[] = [
  clause("unknown_line_item", "Not part of the order", null, {
    en: "This item is not part of the order.",
    fr: "Cet article ne fait pas partie de la commande.",
    de: "Dieser Artikel gehört nicht zur Bestellung.",
    es: "Este artículo no forma parte del pedido.",
  }),
  clause("not_fulfilled", "Not shipped", null, {
    en: "This item had not been shipped.",
    fr: "Cet article n'avait pas été expédié.",
    de: "Dieser Artikel war noch nicht versendet.",
    es: "Este artículo no se había enviado.",
  }),
  clause("quantity_exceeds_claimable", "More units than can be claimed", null, {
    en: "More units were reported than were shipped and not already claimed.",
    fr: "Plus d'unités ont été signalées que d'unités expédiées et non encore réclamées.",
    de: "Es wurden mehr Stück gemeldet, als versendet und noch nicht reklamiert waren.",
    es: "Se notificaron más unidades de las enviadas y no reclamadas ya.",
  }),
  clause("missing_preference", "No refund or replacement chosen", null, {
    en: "No choice between a refund and a replacement was given.",
    fr: "Aucun choix entre remboursement et remplacement n'a été indiqué.",
    de: "Es wurde nicht angegeben, ob eine Erstattung oder ein Ersatz gewünscht ist.",
    es: "No se indicó si se prefería un reembolso o una sustitución.",
  }),
  clause("no_common_resolution", "Items with no resolution in common", null, {
    en: "The store offers no solution that covers all of these items together.",
    fr: "La boutique ne propose aucune solution qui couvre tous ces articles ensemble.",
    de: "Der Shop bietet keine Lösung an, die alle diese Artikel gemeinsam abdeckt.",
    es: "La tienda no ofrece ninguna solución que cubra todos estos artículos juntos.",
  }),
  clause("resolution_not_offered", "Resolution not offered", null, {
    en: "The store does not offer the solution that was asked for.",
    fr: "La boutique ne propose pas la solution demandée.",
    de: "Der Shop bietet die gewünschte Lösung nicht an.",
    es: "La tienda no ofrece la solución que se pidió.",
  }),
];

/** Every denial reason's clause: a stored denial always has words for the shopper. */
export const DENIAL_CLAUSES: Readonly<Record<DenialReason, DenialClause>> = Object.fromEntries(
  [...DEFAULT_DENIAL_CLAUSES, ...ENGINE_CLAUSES].map((entry) => [entry.reason, entry]),
) as Record<DenialReason, DenialClause>;

/** The shopper's words for each reason in one language, as `denial.<reason>` message keys. */
export function denialClauseWords(language: ClauseLanguage): Record<`denial.${DenialReason}`, string> {
  return Object.fromEntries(
    Object.values(DENIAL_CLAUSES).map((entry) => [`denial.${entry.reason}`, entry.shopperWords[language]]),
  ) as Record<`denial.${DenialReason}`, string>;
}

// ---------------------------------------------------------------------------------------------
// A shop's clauses: the defaults above as the merchant edited or retired them, and their own.

const translation = z.string().trim().max(1000, "keep it under 1,000 characters").optional();

/** A clause's words for the shopper: the shop's words, read in any language without a translation of its own. */
export const ClauseWordsSchema = z.strictObject({
  words: z.string().trim().min(1, "write what the shopper reads").max(1000, "keep it under 1,000 characters"),
  translations: z.strictObject({ en: translation, fr: translation, de: translation, es: translation }),
});
export type ClauseWords = z.infer<typeof ClauseWordsSchema>;

/** A clause as the shop stores it where it differs from the defaults (an edited or retired default, or its own). */
export interface StoredClause {
  clauseId: DenialClauseId;
  label: string;
  words: ClauseWords;
  retired: boolean;
}

export interface ShopClause extends DenialClause {
  words: ClauseWords;
  /** The shop's own clause, not one of the guarantee's. */
  custom: boolean;
  /** A default whose label or words the merchant changed. */
  edited: boolean;
  /** No longer offered when denying; denials that cited it keep their words. */
  retired: boolean;
}

export const isCustomClauseId = (id: string) => id.startsWith("custom_");

/** The default clause's words in the shop's form: English as the shop's words, the rest as translations. */
export function defaultClauseWords(clause: DenialClause): ClauseWords {
  const { en, fr, de, es } = clause.shopperWords;
  return { words: en, translations: { fr, de, es } };
}

/** What a shopper reads in each language: its translation, or the shop's words. */
export function shopperWordsOf(words: ClauseWords): Record<ClauseLanguage, string> {
  return Object.fromEntries(
    CLAUSE_LANGUAGES.map((language) => [language, words.translations[language] || words.words]),
  ) as Record<ClauseLanguage, string>;
}

/** The shop's clauses: the defaults in the guarantee's order (as edited), then its own in the order given. */
export function shopClauses(stored: readonly StoredClause[]): ShopClause[] {
  const byId = new Map(stored.map((entry) => [entry.clauseId, entry]));
  const defaults = DEFAULT_DENIAL_CLAUSES.map((clause): ShopClause => {
    const own = byId.get(clause.reason);
    const words = own?.words ?? defaultClauseWords(clause);
    return {
      ...clause,
      label: own?.label ?? clause.label,
      words,
      shopperWords: own ? shopperWordsOf(words) : clause.shopperWords,
      custom: false,
      edited:
        own !== undefined &&
        (own.label !== clause.label || JSON.stringify(words) !== JSON.stringify(defaultClauseWords(clause))),
      retired: own?.retired ?? false,
    };
  });
  const custom = stored
    .filter((entry) => isCustomClauseId(entry.clauseId))
    .map((entry): ShopClause => ({
      reason: entry.clauseId,
      label: entry.label,
      guarantee: null,
      words: entry.words,
      shopperWords: shopperWordsOf(entry.words),
      custom: true,
      edited: false,
      retired: entry.retired,
    }));
  return [...defaults, ...custom];
}

/** What a denial keeps of the clause it cites. */
export const deniedWith = (clause: DenialClause): DeniedWith => ({
  label: clause.label,
  shopperWords: { ...clause.shopperWords },
});

/**
 * The clause a denial cited, as its shopper was told it: the words kept with the denial, or for a
 * denial made before they were kept, the guarantee's clause of its reason.
 */
export function clauseOfDenial(decision: { reason: DenialClauseId; clause?: DeniedWith | undefined }): DeniedWith {
  if (decision.clause) return decision.clause;
  const known = DENIAL_CLAUSES[decision.reason as DenialReason] ?? DENIAL_CLAUSES.other;
  return deniedWith(known);
}
