import { describe, expect, it } from "vitest";
import { claimSearchTerms, foldForSearch, searchWordsOf } from "./claim-search";

describe("foldForSearch", () => {
  it.each([
    ["Müller", "muller"],
    ["Chloé", "chloe"],
    ["GARCÍA", "garcia"],
    ["Łódź", "lodz"],
    ["Straße", "strasse"],
    ["Søren Ærø", "soren aero"],
    ["İstanbul", "istanbul"],
    ["ﬁne", "fine"],
    ["Кошка", "кошка"],
  ])("GIVEN %s THEN it is searched as %s", (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });
});

describe("searchWordsOf (a merchant's search)", () => {
  it.each([
    ["#1500", ["1500"]],
    ["  Water   BOTTLE ", ["water", "bottle"]],
    ["müll", ["mull"]],
    ["usb-c", ["usb", "c"]],
    ["lamp lamp", ["lamp"]],
    ["#", []],
    ["a b c d e f g h i j", ["a", "b", "c", "d", "e", "f", "g", "h"]],
    ["x".repeat(60), ["x".repeat(48)]],
  ])("GIVEN %j THEN its words are %j", (search, words) => {
    expect(searchWordsOf(search)).toEqual(words);
  });
});

describe("claimSearchTerms (what a claim is found by)", () => {
  it("GIVEN a claim THEN each word of its order name, customer name and item titles, once per field, folded", () => {
    expect(
      claimSearchTerms({
        orderName: "#1001",
        customerName: "Chloé Müller-Lüdenscheidt",
        itemTitles: ["Flux USB-C Cable", null, "Flux Kettle"],
      }),
    ).toEqual([
      { field: "order", term: "1001" },
      { field: "customer", term: "chloe" },
      { field: "customer", term: "muller" },
      { field: "customer", term: "ludenscheidt" },
      { field: "customer", term: "mullerludenscheidt" },
      { field: "item", term: "flux" },
      { field: "item", term: "usb" },
      { field: "item", term: "c" },
      { field: "item", term: "cable" },
      { field: "item", term: "usbc" },
      { field: "item", term: "kettle" },
    ]);
  });

  it("GIVEN a claim without order name, customer or item titles THEN it has no terms (the claim number still finds it)", () => {
    expect(claimSearchTerms({ orderName: null, customerName: null, itemTitles: [null] })).toEqual([]);
  });

  it("GIVEN an order name with its store's prefix and suffix THEN each part and the whole are terms", () => {
    expect(claimSearchTerms({ orderName: "WD-1001-EU", customerName: null, itemTitles: [] })).toEqual([
      { field: "order", term: "wd" },
      { field: "order", term: "1001" },
      { field: "order", term: "eu" },
      { field: "order", term: "wd1001eu" },
    ]);
  });

  it("GIVEN the words of a search THEN each starts a term of the claim it should find", () => {
    const terms = claimSearchTerms({
      orderName: "#1500",
      customerName: "José García",
      itemTitles: ["Aurora Desk Lamp"],
    }).map((t) => t.term);
    for (const search of ["#1500", "15", "jose", "GARC", "garcía", "desk lamp", "aur"]) {
      for (const word of searchWordsOf(search)) expect(terms.some((term) => term.startsWith(word))).toBe(true);
    }
    // A piece from the middle of a word is not a word's start.
    expect(terms.some((term) => term.startsWith("urora"))).toBe(false);
  });
});
