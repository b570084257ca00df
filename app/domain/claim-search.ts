// The words the claims inbox's search knows a claim by, and the words of a merchant's search
// (docs/decisions/032-inbox-search-index.md). Both go through the same folding, so "Müller",
// "MULLER" and "müll" meet at "muller": lower case, accents removed, split at anything that is not
// a letter or a digit. A search word finds a claim when it is the start of one of the claim's words.

/** Which part of the claim a word comes from; the customer's words are personal data. */
export const CLAIM_SEARCH_FIELDS = ["order", "customer", "item"] as const;
export type ClaimSearchField = (typeof CLAIM_SEARCH_FIELDS)[number];

export interface ClaimSearchTerm {
  field: ClaimSearchField;
  term: string;
}

/** What a claim is searched by. */
export interface ClaimSearchText {
  orderName: string | null;
  customerName: string | null;
  itemTitles: readonly (string | null)[];
}

/** Longer words are cut here, in the claim and in the search alike, so a long word still finds itself. */
const MAX_WORD_LENGTH = 48;
/** A search of more words than this searches by the first ones. */
const MAX_SEARCH_WORDS = 8;

// Letters that Unicode does not decompose into a base letter and an accent.
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/** Lower case without accents: "Chloé" → "chloe", "Łódź" → "lodz", "Straße" → "strasse". */
export function foldForSearch(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => UNDECOMPOSED[letter] ?? letter);
}

const NOT_A_WORD = /[^\p{L}\p{N}]+/u;

function wordsOf(folded: string): string[] {
  return folded
    .split(NOT_A_WORD)
    .filter((word) => word !== "")
    .map((word) => word.slice(0, MAX_WORD_LENGTH));
}

/** The words of a merchant's search, each of which must start a word of the claim ("#1500" → "1500"). */
export function searchWordsOf(search: string): string[] {
  return [...new Set(wordsOf(foldForSearch(search)))].slice(0, MAX_SEARCH_WORDS);
}

/**
 * The words of one text of a claim; a word written with inner punctuation also whole, so that
 * "USB-C" is found by "usb", "c" and "usbc", and "O'Brien" by "obrien".
 */
function termsOfText(text: string): string[] {
  const folded = foldForSearch(text);
  const joined = folded
    .split(/\s+/)
    .filter((chunk) => wordsOf(chunk).length > 1)
    .flatMap((chunk) => wordsOf(chunk.replace(new RegExp(NOT_A_WORD.source, "gu"), "")));
  return [...wordsOf(folded), ...joined];
}

/** Every word the claim is found by, once per field. */
export function claimSearchTerms(claim: ClaimSearchText): ClaimSearchTerm[] {
  const texts: [ClaimSearchField, readonly (string | null)[]][] = [
    ["order", [claim.orderName]],
    ["customer", [claim.customerName]],
    ["item", claim.itemTitles],
  ];
  return texts.flatMap(([field, values]) => {
    const terms = new Set(values.flatMap((value) => (value === null ? [] : termsOfText(value))));
    return [...terms].map((term) => ({ field, term }));
  });
}
