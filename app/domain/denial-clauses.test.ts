import { describe, expect, it } from "vitest";
import { DENIAL_REASONS } from "./claim-lifecycle/claim-state";
import { CLAUSE_LANGUAGES, DEFAULT_DENIAL_CLAUSES, DENIAL_CLAUSES, denialClauseWords } from "./denial-clauses";

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
