import { describe, expect, it } from "vitest";
import { renderEmail } from "../../domain/notifications/email-document";
import { EMAIL_TEMPLATES } from "../../domain/notifications/notification-types";
import type { EmailLanguage } from "../../domain/notifications/plan-emails";
import { EMAIL_LANGUAGES, emailMessage } from "../../i18n/email-messages";
import {
  formatDeadline,
  formatMoney,
  merchantEmail,
  shopperEmail,
  type MerchantFacts,
  type ShopperFacts,
  type ShopperFrame,
} from "./email-templates.server";

const CLAIM_URL = "https://velo-shop.myshopify.com/account/orders/5550001";
const ADMIN_URL = "https://admin.shopify.com/store/velo-shop/apps/warranty-desk/app/claims/claim-1";
const SCRIPT = '<script>alert("hi")</script>';
const ESCAPED_SCRIPT = "&lt;script&gt;alert(&quot;hi&quot;)&lt;/script&gt;";

const frame = (language: EmailLanguage, overrides: Partial<ShopperFrame> = {}): ShopperFrame => ({
  language,
  timezone: "Europe/Paris",
  shopName: "Velo & Co",
  claimNumber: 1002,
  customerName: "Ana",
  orderName: "#1001",
  claimUrl: CLAIM_URL,
  ...overrides,
});

const bottle = { title: "Water bottle", quantity: 2 };
const lamp = { title: "Desk lamp", quantity: 1 };

const render = (language: EmailLanguage, facts: ShopperFacts, overrides: Partial<ShopperFrame> = {}) =>
  renderEmail(shopperEmail(frame(language, overrides), facts));

describe("every shopper email, in every language", () => {
  const approved: ShopperFacts = {
    template: "claim_approved",
    partial: false,
    approved: [{ item: bottle, resolution: "replacement" }],
    denied: [],
    note: null,
    return: { kind: "none" },
  };
  const cases: [ShopperFacts, string][] = [
    [{ template: "claim_received", items: [bottle], respondBy: new Date("2026-11-30T10:00:00Z") }, "claim_received"],
    [{ template: "info_requested", message: "Which size?" }, "info_requested"],
    [approved, "claim_approved"],
    [{ template: "return_received", approval: null }, "return_received"],
    [
      {
        template: "claim_resolved",
        outcomes: [{ item: bottle, outcome: "replaced", fallback: null }],
        refund: null,
        refundToldByShop: false,
        replacementOrderName: "#1044",
        repairNote: null,
      },
      "claim_resolved",
    ],
    [
      { template: "claim_denied", denied: [{ item: lamp, clause: "Misuse is not covered.", note: null }], note: null },
      "claim_denied",
    ],
  ];

  it("GIVEN the templates THEN every shopper template is among the cases", () => {
    expect(new Set(cases.map(([, name]) => name))).toEqual(
      new Set(EMAIL_TEMPLATES.filter((template) => !template.startsWith("merchant_"))),
    );
  });

  it.each(EMAIL_LANGUAGES.flatMap((language) => cases.map(([facts, name]) => [language, name, facts] as const)))(
    "GIVEN %s %s THEN its subject, greeting, intro, the claim's link and the footer in that language",
    (language, name, facts) => {
      const email = render(language, facts);
      const base = { number: 1002, shop: "Velo & Co" };
      expect(email.subject).toBe(emailMessage(language, `${name}.subject` as "claim_received.subject", base));
      expect(email.text).toContain(emailMessage(language, "common.greeting", { name: "Ana" }));
      expect(email.text).toContain(emailMessage(language, `${name}.intro` as "claim_received.intro", base));
      expect(email.text).toContain(emailMessage(language, "common.footer", base));
      expect(email.text).toContain(`${emailMessage(language, "common.view_claim")}: ${CLAIM_URL}`);
      expect(email.html).toContain(`href="${CLAIM_URL}"`);
      // The shop's name is escaped in the HTML part ("&" → "&amp;").
      expect(email.html).toContain("Velo &amp; Co");
      expect(email.html).not.toContain("Velo & Co");
      expect(email.html).toContain(`<html lang="${language}">`);
    },
  );
});

describe("claim_received", () => {
  const facts: ShopperFacts = {
    template: "claim_received",
    items: [bottle, { title: null, quantity: 1 }],
    respondBy: new Date("2026-11-30T10:00:00Z"),
  };

  it.each([
    ["en", "The store will respond by Monday, November 30 at 11:00 AM Central European Time.", "1 × an item"],
    ["fr", "La boutique vous répondra d'ici le lundi 30 novembre à 11:00 heure d’Europe centrale.", "1 × un article"],
    ["de", "Der Shop antwortet Ihnen bis Montag, 30. November um 11:00 Mitteleuropäische Zeit.", "1 × ein Artikel"],
    [
      "es",
      "La tienda te responderá antes del lunes, 30 de noviembre, 11:00 hora de Europa central.",
      "1 × un artículo",
    ],
  ] as const)(
    "GIVEN %s THEN the promise as a date and time in the shop's timezone, and the items",
    (language, promise, unnamed) => {
      const email = render(language, facts);
      expect(email.text).toContain(promise);
      expect(email.text).toContain("- 2 × Water bottle");
      expect(email.text).toContain(`- ${unnamed}`);
    },
  );

  it("GIVEN a shop in New York THEN the same instant reads in its time", () => {
    expect(render("en", facts, { timezone: "America/New_York" }).text).toContain(
      "The store will respond by Monday, November 30 at 5:00 AM Eastern Time.",
    );
  });

  it("GIVEN no name for the shopper THEN a greeting without one", () => {
    expect(render("fr", facts, { customerName: null }).text).toMatch(/^Bonjour,\n/);
  });
});

describe("info_requested", () => {
  it("GIVEN the merchant's message with markup THEN it reads as text in both parts", () => {
    const email = render("en", { template: "info_requested", message: `Send a photo of the label.\n${SCRIPT}` });
    expect(email.text).toContain(`> Send a photo of the label.\n> ${SCRIPT}`);
    expect(email.html).toContain(`Send a photo of the label.<br>${ESCAPED_SCRIPT}`);
    expect(email.html).not.toContain("<script>");
    expect(email.text).toContain("Answer on your claim's page. The store's time to respond is paused until you reply.");
  });
});

describe("claim_approved", () => {
  const instructions: ShopperFacts = {
    template: "claim_approved",
    partial: true,
    approved: [{ item: bottle, resolution: "refund" }],
    denied: [{ item: lamp, clause: "Le produit a été mal utilisé.", note: "Trace de chute" }],
    note: "Merci pour les photos.",
    return: {
      kind: "instructions",
      paidBy: "customer",
      destinations: [
        {
          name: "Entrepôt Lyon",
          address: ["12 rue des Lilas", "69001 Lyon", "France"],
          overseas: true,
          items: [{ item: bottle, parts: ["bouchon", "sangle"] }],
        },
        { name: null, address: [], overseas: false, items: [{ item: { title: "Gourde", quantity: 1 }, parts: [] }] },
      ],
    },
  };

  it("GIVEN a partial approval with a return THEN what is approved, what is not and why, and where each item goes", () => {
    const email = render("fr", instructions);
    expect(email.subject).toBe("Votre réclamation n° 1002 est acceptée en partie");
    expect(email.text).toContain("- 2 × Water bottle : remboursement");
    expect(email.text).toContain(
      "Non couvert :\n\n- 1 × Desk lamp : Le produit a été mal utilisé.\n\n> Trace de chute",
    );
    expect(email.text).toContain("> Merci pour les photos.");
    expect(email.text).toContain("À envoyer à Entrepôt Lyon :\n\n    12 rue des Lilas\n    69001 Lyon\n    France");
    expect(email.text).toContain("- 2 × Water bottle. À joindre : bouchon, sangle");
    expect(email.text).toContain("Seule cette adresse accepte le retour de ces articles");
    expect(email.text).toContain(
      "À envoyer à cette adresse :\n\nVous trouverez l'adresse sur la page de votre réclamation.",
    );
    expect(email.text).toContain("Utilisez un envoi avec suivi");
    expect(email.text).toContain("Les frais de retour sont à votre charge.");
  });

  it.each([
    [{ kind: "none" } as const, "You do not need to send anything back."],
    [{ kind: "already_back" } as const, "The store already has the items"],
    [{ kind: "told_by_shop" } as const, "Velo & Co will send you a separate email about sending the items back."],
  ])("GIVEN the return %o THEN says so, with no instructions", (ret, sentence) => {
    const email = render("en", { ...instructions, partial: false, denied: [], note: null, return: ret });
    expect(email.subject).toBe("Your claim #1002 is approved");
    expect(email.text).toContain(sentence);
    expect(email.text).not.toContain("How to send the items back".toUpperCase());
  });

  it("GIVEN the store pays THEN the German email says so", () => {
    const email = render("de", { ...instructions, return: { ...instructions.return, paidBy: "merchant" } as never });
    expect(email.text).toContain("Der Shop übernimmt die Kosten der Rücksendung.");
    expect(email.text).toContain("SO SENDEN SIE DIE ARTIKEL ZURÜCK");
  });
});

describe("return_received", () => {
  it("GIVEN the item came back before a return was asked for THEN the approval is told with it", () => {
    const email = render("es", {
      template: "return_received",
      approval: { partial: false, approved: [{ item: bottle, resolution: "repair" }] },
    });
    expect(email.text).toContain("Buenas noticias: Velo & Co ha aceptado tu reclamación n.º 1002.");
    expect(email.text).toContain("- 2 × Water bottle: reparación");
    expect(email.text).toContain("Velo & Co ha recibido los artículos que devolviste por tu reclamación n.º 1002.");
  });
});

describe("claim_resolved", () => {
  const refunded: ShopperFacts = {
    template: "claim_resolved",
    outcomes: [
      { item: bottle, outcome: "refunded", fallback: "out_of_stock" },
      { item: lamp, outcome: "repaired", fallback: null },
    ],
    refund: {
      total: { amount: "1234.5", currencyCode: "EUR" },
      transactions: [
        { amount: "1200.00", currencyCode: "EUR", gateway: "shopify_payments" },
        { amount: "34.50", currencyCode: "EUR", gateway: "gift_card" },
        { amount: "0.00", currencyCode: "EUR", gateway: "klarna" },
      ],
    },
    refundToldByShop: false,
    replacementOrderName: null,
    repairNote: `New switch fitted. ${SCRIPT}`,
  };

  it("GIVEN a refund in euros THEN the amount in the reader's way, per payment method, and the repair notes escaped", () => {
    const email = render("de", refunded);
    expect(email.text).toContain("- 2 × Water bottle: Der Ersatz ist nicht vorrätig, daher wird der Artikel erstattet");
    expect(email.text).toContain("- 1 × Desk lamp: repariert");
    expect(email.text).toContain("Ihre Erstattung: 1.234,50\u00a0€");
    expect(email.text).toContain("- 1.200,00\u00a0€ zurück auf die Karte, mit der Sie bezahlt haben");
    expect(email.text).toContain("- 34,50\u00a0€ zurück auf Ihre Geschenkkarte");
    expect(email.text).toContain("- 0,00\u00a0€ zurück auf die verwendete Zahlungsart (klarna)");
    expect(email.html).toContain(`New switch fitted. ${ESCAPED_SCRIPT}`);
    expect(email.html).not.toContain("<script>");
  });

  it("GIVEN Shopify tells the refund THEN no amount here, a pointer to its email instead", () => {
    const email = render("en", { ...refunded, refundToldByShop: true });
    expect(email.text).not.toContain("Your refund:");
    expect(email.text).toContain("The store sends you the refund's details in a separate email.");
  });

  it("GIVEN a replacement order THEN its name", () => {
    const email = render("fr", {
      ...refunded,
      outcomes: [{ item: bottle, outcome: "replaced", fallback: null }],
      refund: null,
      replacementOrderName: "#1044",
      repairNote: null,
    });
    expect(email.text).toContain("- 2 × Water bottle : remplacé");
    expect(email.text).toContain("Votre article de remplacement arrive avec une nouvelle commande : #1044.");
    expect(email.text).not.toContain("remboursement :");
  });
});

describe("claim_denied", () => {
  it("GIVEN a denial THEN the clause in plain words, the store's note and message", () => {
    const email = render("es", {
      template: "claim_denied",
      denied: [{ item: lamp, clause: "El daño por uso indebido no está cubierto.", note: `Golpe visible ${SCRIPT}` }],
      note: "Lo sentimos.",
    });
    expect(email.subject).toBe("Tu reclamación n.º 1002 no ha sido aceptada");
    expect(email.text).toContain("- 1 × Desk lamp: El daño por uso indebido no está cubierto.");
    expect(email.text).toContain(`> Golpe visible ${SCRIPT}`);
    expect(email.html).toContain(`Golpe visible ${ESCAPED_SCRIPT}`);
    expect(email.text).toContain("Un mensaje de la tienda:\n\n> Lo sentimos.");
  });
});

describe("the merchant's emails", () => {
  const claim = { number: 1002, customerName: "Ana <ana@example.com>", url: ADMIN_URL };
  const render = (facts: MerchantFacts) =>
    renderEmail(merchantEmail({ timezone: "America/Los_Angeles", shopName: "Velo & Co" }, facts));

  it("GIVEN a new claim THEN who, what, the shopper's words escaped, the deadline in shop time and the admin link", () => {
    const email = render({
      template: "merchant_new_claim",
      claim,
      type: "arrival",
      items: [bottle],
      description: `Cracked. ${SCRIPT}`,
      respondBy: new Date("2026-11-30T10:00:00Z"),
    });
    expect(email.subject).toBe("New claim #1002 from Ana <ana@example.com>");
    expect(email.text).toContain("Ana <ana@example.com> filed an arrival claim, #1002, about these items:");
    expect(email.text).toContain("Respond by Monday, November 30 at 2:00 AM Pacific Time.");
    expect(email.text).toContain(`Open claim #1002: ${ADMIN_URL}`);
    expect(email.html).toContain(`Cracked. ${ESCAPED_SCRIPT}`);
    expect(email.html).toContain("Ana &lt;ana@example.com&gt;");
  });

  it("GIVEN the shopper replied THEN their answer", () => {
    const email = render({
      template: "merchant_shopper_replied",
      claim: { ...claim, customerName: null },
      answer: "Size M",
      respondBy: null,
    });
    expect(email.subject).toBe("Claim #1002: A shopper replied");
    expect(email.text).toContain("> Size M");
    expect(email.text).not.toContain("Respond by");
  });

  it("GIVEN a reminder THEN the hours left, rounded up; GIVEN overdue THEN since when", () => {
    const respondBy = new Date("2026-11-30T10:00:00Z");
    const due = render({ template: "merchant_response_due", claim, respondBy, now: new Date("2026-11-30T04:30:00Z") });
    expect(due.subject).toBe("Claim #1002: respond by Monday, November 30 at 2:00 AM Pacific Time");
    expect(due.text).toContain("needs your response by Monday, November 30 at 2:00 AM Pacific Time, in 6 h.");
    const overdue = render({
      template: "merchant_response_overdue",
      claim,
      respondBy,
      now: new Date("2026-11-30T11:00:00Z"),
    });
    expect(overdue.subject).toBe("Claim #1002 is overdue");
    expect(overdue.text).toContain(
      "was due Monday, November 30 at 2:00 AM Pacific Time. The shopper is still waiting.",
    );
  });

  it("GIVEN the digest THEN the claims by urgency, each with its link; GIVEN none THEN it says so", () => {
    const entry = (number: number, respondBy: string | null) => ({
      number,
      customerName: `Shopper ${number}`,
      url: `${ADMIN_URL}-${number}`,
      respondBy: respondBy ? new Date(respondBy) : null,
      submittedAt: new Date("2026-11-29T18:00:00Z"),
    });
    const email = render({
      template: "merchant_digest",
      day: "2026-11-30",
      leadHours: 6,
      overdue: [entry(1, "2026-11-30T01:00:00Z")],
      dueSoon: [entry(2, "2026-11-30T19:00:00Z")],
      fresh: [entry(3, null)],
    });
    expect(email.subject).toBe("Your claims on 2026-11-30: 1 overdue, 1 due soon, 1 new");
    const overdueAt = email.text.indexOf("OVERDUE");
    const dueAt = email.text.indexOf("DUE WITHIN 6 H");
    const newAt = email.text.indexOf("NEW SINCE YESTERDAY'S DIGEST");
    expect(overdueAt).toBeGreaterThan(-1);
    expect(dueAt).toBeGreaterThan(overdueAt);
    expect(newAt).toBeGreaterThan(dueAt);
    expect(email.text).toContain(
      `- #1 from Shopper 1: respond by Sunday, November 29 at 5:00 PM Pacific Time\n  ${ADMIN_URL}-1`,
    );
    expect(email.text).toContain(
      `- #3 from Shopper 3: filed Sunday, November 29 at 10:00 AM Pacific Time\n  ${ADMIN_URL}-3`,
    );
    expect(email.html).toContain(`href="${ADMIN_URL}-2"`);
    const empty = render({
      template: "merchant_digest",
      day: "2026-11-30",
      leadHours: 6,
      overdue: [],
      dueSoon: [],
      fresh: [],
    });
    expect(empty.text).toContain("No open claim needs you today.");
  });
});

describe("formats", () => {
  it.each([
    ["1234.5", "EUR", "en", "€1,234.50"],
    ["1234.5", "EUR", "fr", "1\u202f234,50\u00a0€"],
    ["500", "JPY", "de", "500\u00a0¥"],
    ["0.1", "KWD", "en", "KWD\u00a00.100"],
  ])("GIVEN %s %s in %s THEN %s (exact, no float)", (amount, currency, language, expected) => {
    expect(formatMoney(amount, currency, language)).toBe(expected);
  });

  it("GIVEN more decimals than the currency has THEN refused, not rounded", () => {
    expect(() => formatMoney("1.005", "EUR", "en")).toThrow("has more decimal places than EUR allows");
  });

  it("GIVEN the day clocks change THEN the local time follows the offset in force (the zone's name stays the place's)", () => {
    // 29 March 2026, Berlin: at 01:00 UTC the clocks go from 02:00 CET to 03:00 CEST.
    expect(formatDeadline(new Date("2026-03-29T00:30:00Z"), "en", "Europe/Berlin")).toBe(
      "Sunday, March 29 at 1:30 AM Central European Time",
    );
    expect(formatDeadline(new Date("2026-03-29T01:30:00Z"), "en", "Europe/Berlin")).toBe(
      "Sunday, March 29 at 3:30 AM Central European Time",
    );
  });
});
