import { describe, expect, it } from "vitest";
import { DENIAL_REASONS } from "./claim-lifecycle/claim-state";
import {
  CLAUSE_LANGUAGES,
  clauseOfDenial,
  defaultClauseWords,
  DEFAULT_DENIAL_CLAUSES,
  DENIAL_CLAUSES,
  denialClauseWords,
  shopClauses,
} from "./denial-clauses";

describe("the denial clauses", () => {
  it("GIVEN the written guarantee THEN the default clauses follow it in its order, then the policy's and 'other'", () => {
    expect(DEFAULT_DENIAL_CLAUSES.map((clause) => [clause.reason, clause.label])).toEqual([
      ["firmware_flashed", "Firmware flashed"],
      ["body_opened", "Body opened"],
      ["parts_modified", "Parts modified, removed or swapped"],
      ["unintended_use", "Unintended use"],
      ["continued_use_after_fault", "Kept using it after the fault"],
      ["late_report", "Not reported when it first occurred"],
      ["accidental_damage", "Accidental breakage"],
      ["misuse", "Misuse"],
      ["wear_and_tear", "Wear and tear"],
      ["window_expired", "Outside the window"],
      ["not_covered", "Product not covered"],
      ["missing_evidence", "Evidence not provided"],
      ["other", "Other (say why in the note)"],
    ]);
  });

  it("GIVEN every reason a denial can store THEN it has one clause with the shopper's words in every language, no code in them", () => {
    expect(Object.keys(DENIAL_CLAUSES).sort()).toEqual([...DENIAL_REASONS].sort());
    for (const reason of DENIAL_REASONS) {
      const clause = DENIAL_CLAUSES[reason];
      expect(clause.reason).toBe(reason);
      for (const language of CLAUSE_LANGUAGES) {
        const words = clause.shopperWords[language];
        expect(words, `${reason} ${language}`).toMatch(/^\p{Lu}.*\.$/u);
        expect(words, `${reason} ${language}`).not.toMatch(/_/);
      }
    }
  });

  it("GIVEN a language THEN the words come out as the shopper messages' denial keys", () => {
    expect(denialClauseWords("de")["denial.wear_and_tear"]).toBe("Die Garantie deckt keine normale Abnutzung.");
    expect(denialClauseWords("es")["denial.misuse"]).toBe("La garantía no cubre daños por mal uso.");
    expect(Object.keys(denialClauseWords("fr"))).toHaveLength(DENIAL_REASONS.length);
  });
});

describe("a shop's clauses", () => {
  const own = {
    clauseId: "custom_abcdef12" as const,
    label: "Seal broken",
    words: { words: "The seal was broken.", translations: { fr: "Le sceau a été brisé." } },
    retired: false,
  };

  it("GIVEN nothing stored THEN they are the defaults, as the guarantee words them", () => {
    const clauses = shopClauses([]);
    expect(clauses.map((c) => c.reason)).toEqual(DEFAULT_DENIAL_CLAUSES.map((c) => c.reason));
    expect(clauses.every((c) => !c.custom && !c.edited && !c.retired)).toBe(true);
    expect(clauses[0]!.shopperWords).toEqual(DEFAULT_DENIAL_CLAUSES[0]!.shopperWords);
  });

  it("GIVEN an edited default, a retired one and the shop's own THEN the own comes last, languages without words read the shop's words", () => {
    const misuse = DENIAL_CLAUSES.misuse;
    const clauses = shopClauses([
      own,
      { clauseId: "misuse", label: "Misused", words: defaultClauseWords(misuse), retired: false },
      {
        clauseId: "wear_and_tear",
        label: "Wear and tear",
        words: defaultClauseWords(DENIAL_CLAUSES.wear_and_tear),
        retired: true,
      },
    ]);
    expect(clauses.find((c) => c.reason === "misuse")).toMatchObject({
      label: "Misused",
      edited: true,
      shopperWords: misuse.shopperWords,
    });
    expect(clauses.find((c) => c.reason === "wear_and_tear")).toMatchObject({ edited: false, retired: true });
    expect(clauses.at(-1)).toMatchObject({
      reason: "custom_abcdef12",
      custom: true,
      shopperWords: {
        en: "The seal was broken.",
        fr: "Le sceau a été brisé.",
        de: "The seal was broken.",
        es: "The seal was broken.",
      },
    });
  });

  it("GIVEN a denial THEN its clause is the words kept with it, or the guarantee's for a denial made before they were kept", () => {
    const kept = { label: "Seal broken", shopperWords: { en: "a", fr: "b", de: "c", es: "d" } };
    expect(clauseOfDenial({ reason: "custom_abcdef12", clause: kept })).toBe(kept);
    expect(clauseOfDenial({ reason: "misuse" })).toEqual({
      label: "Misuse",
      shopperWords: DENIAL_CLAUSES.misuse.shopperWords,
    });
  });
});
