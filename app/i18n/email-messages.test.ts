import { describe, expect, it } from "vitest";
import {
  EMAIL_LANGUAGES,
  EMAIL_MESSAGES,
  emailMessage,
  MERCHANT_EMAIL_MESSAGES,
  merchantMessage,
  placeholdersOf,
  type EmailMessageKey,
} from "./email-messages";

const keys = Object.keys(EMAIL_MESSAGES.en) as EmailMessageKey[];

describe("the email catalogue", () => {
  it("GIVEN the four shopper languages THEN each has every key, no other, none empty", () => {
    for (const language of EMAIL_LANGUAGES) {
      expect(Object.keys(EMAIL_MESSAGES[language]).sort()).toEqual([...keys].sort());
      expect(Object.entries(EMAIL_MESSAGES[language]).filter(([, text]) => text.trim() === "")).toEqual([]);
    }
  });

  it.each(EMAIL_LANGUAGES.filter((l) => l !== "en"))(
    "GIVEN %s THEN every message has the English one's placeholders, and is translated",
    (language) => {
      const differing = keys.filter(
        (key) => placeholdersOf(EMAIL_MESSAGES[language][key]).join() !== placeholdersOf(EMAIL_MESSAGES.en[key]).join(),
      );
      expect(differing).toEqual([]);
      // Only the placeholder-only lines may read the same in two languages.
      const untranslated = keys.filter(
        (key) =>
          EMAIL_MESSAGES[language][key] === EMAIL_MESSAGES.en[key] &&
          /[a-z]{3}/i.test(EMAIL_MESSAGES.en[key].replace(/\{\w+\}/g, "")),
      );
      expect(untranslated).toEqual([]);
    },
  );

  it("GIVEN a message THEN its placeholders are filled; a missing value is a bug, thrown", () => {
    expect(emailMessage("de", "claim_received.subject", { number: 1002 })).toBe(
      "Wir haben Ihre Reklamation Nr. 1002 erhalten",
    );
    expect(() => emailMessage("fr", "claim_received.subject")).toThrow(
      "email message placeholder {number} has no value",
    );
    expect(merchantMessage("merchant_new_claim.subject", { number: 7, customer: "Ana" })).toBe("New claim #7 from Ana");
    expect(Object.values(MERCHANT_EMAIL_MESSAGES).every((text) => text.trim() !== "")).toBe(true);
  });
});

describe("the email catalogue's register (German Sie, French vous, Spanish tú)", () => {
  const word = (words: readonly string[]) => new RegExp(`(?<!\\p{L})(?:${words.join("|")})(?!\\p{L})`, "u");
  const cases = [
    {
      language: "de",
      addressed: word(["Sie", "Ihre?\\p{L}*", "Ihnen"]),
      other: word(["[Dd]u", "[Dd]ein\\p{L}*", "[Dd]ich", "[Dd]ir"]),
    },
    {
      language: "fr",
      addressed: word(["[Vv]ous", "[Vv]otre", "[Vv]os"]),
      other: word(["[Tt]u", "[Tt]on", "[Tt]a", "[Tt]es", "[Tt]oi"]),
    },
    {
      language: "es",
      addressed: word(["[Tt]u", "[Tt]ú", "[Tt]e", "[Tt]us"]),
      other: word(["[Uu]sted(?:es)?", "[Ss]u reclamación", "[Rr]espóndalo", "[Ee]nvíe(?:los)?", "[Aa]ñada", "[Uu]se"]),
    },
  ] as const;

  it("GIVEN the patterns THEN they tell the registers apart (not vacuous)", () => {
    expect(cases[0].other.test("Ihre Reklamation, dein Paket")).toBe(true);
    expect(cases[1].other.test("ta réclamation")).toBe(true);
    expect(cases[2].other.test("Añada su número de seguimiento")).toBe(true);
    expect(cases[2].other.test("Añade su número de seguimiento")).toBe(false);
    expect(cases[2].addressed.test("Ver tu reclamación")).toBe(true);
  });

  it.each(cases)(
    "GIVEN $language THEN no message uses the other register, and the reader is addressed",
    ({ language, addressed, other }) => {
      const messages = Object.entries(EMAIL_MESSAGES[language]);
      expect(messages.filter(([, text]) => other.test(text)).map(([key]) => key)).toEqual([]);
      expect(messages.filter(([, text]) => addressed.test(text)).length).toBeGreaterThan(20);
    },
  );
});
