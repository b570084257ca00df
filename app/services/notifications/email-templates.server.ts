// Each email's content, from facts the composer read and checked (compose-email.server.ts): pure
// functions from facts to an EmailDocument, so every template and language is tested without a
// database. Dates are the shop's timezone in the reader's language, money the order's currency.
import { parseMoney, formatAmount } from "../../domain/money";
import type { EmailBlock, EmailDocument } from "../../domain/notifications/email-document";
import type { EmailLanguage } from "../../domain/notifications/plan-emails";
import { HOUR_MS } from "../../domain/time";
import { emailMessage, merchantMessage, type EmailMessageKey } from "../../i18n/email-messages";

// ---------------------------------------------------------------------------------------------
// Formats

/** "Monday, November 30 at 11:00 AM Central European Time": weekday, date and time in the shop's timezone, the reader's words. */
export function formatDeadline(instant: Date, language: string, timeZone: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    // "Central European Time", "heure d’Europe centrale": a place the reader knows, not "UTC+1".
    timeZoneName: "longGeneric",
  }).format(instant);
}

/**
 * The amount in its currency as the reader writes it ("49,90 €"). The decimal string is checked
 * against the currency's minor units and handed to Intl as a string: no float on the way.
 */
export function formatMoney(amount: string, currencyCode: string, language: string): string {
  const exact = formatAmount(parseMoney(amount, currencyCode));
  // Intl.NumberFormat formats decimal strings exactly (ECMA-402 NumberFormat v3).
  const format = new Intl.NumberFormat(language, { style: "currency", currency: currencyCode }).format as (
    value: string,
  ) => string;
  return format(exact);
}

// ---------------------------------------------------------------------------------------------
// The shopper's emails

export interface EmailItem {
  title: string | null;
  quantity: number;
}

export interface ShopperFrame {
  language: EmailLanguage;
  timezone: string;
  shopName: string;
  claimNumber: number;
  customerName: string | null;
  orderName: string | null;
  /** The order's page in customer accounts, where the claim is shown. */
  claimUrl: string;
}

export interface ReturnDestination {
  name: string | null;
  /** Empty when the address is not known here: the claim page shows it. */
  address: readonly string[];
  overseas: boolean;
  items: readonly { item: EmailItem; parts: readonly string[] }[];
}

export type ApprovalReturn =
  | { kind: "none" }
  | { kind: "already_back" }
  | { kind: "told_by_shop" }
  | { kind: "instructions"; destinations: readonly ReturnDestination[]; paidBy: "merchant" | "customer" };

export interface ApprovedItem {
  item: EmailItem;
  resolution: "refund" | "replacement" | "repair";
}

export interface DeniedItem {
  item: EmailItem;
  /** The clause's words in the shopper's language, as kept with the denial. */
  clause: string;
  note: string | null;
}

export type ShopperFacts =
  | { template: "claim_received"; items: readonly EmailItem[]; respondBy: Date | null }
  | { template: "info_requested"; message: string }
  | {
      template: "claim_approved";
      partial: boolean;
      approved: readonly ApprovedItem[];
      denied: readonly DeniedItem[];
      note: string | null;
      return: ApprovalReturn;
    }
  | {
      template: "return_received";
      /** The approval, when this email is the first to tell it (the item came back before a return was asked for). */
      approval: null | { partial: boolean; approved: readonly ApprovedItem[] };
    }
  | {
      template: "claim_resolved";
      outcomes: readonly {
        item: EmailItem;
        outcome: "refunded" | "replaced" | "repaired";
        fallback: "out_of_stock" | "repair_impossible" | null;
      }[];
      refund: null | {
        total: { amount: string; currencyCode: string };
        transactions: readonly { amount: string; currencyCode: string; gateway: string | null }[];
      };
      refundToldByShop: boolean;
      replacementOrderName: string | null;
      repairNote: string | null;
    }
  | { template: "claim_denied"; denied: readonly DeniedItem[]; note: string | null };

function itemLabel(language: EmailLanguage, item: EmailItem): string {
  const title = item.title ?? emailMessage(language, "common.unnamed_item");
  return emailMessage(language, "common.item", { quantity: item.quantity, title });
}

const GATEWAY_METHODS: Readonly<Record<string, EmailMessageKey>> = {
  shopify_payments: "method.card",
  gift_card: "method.gift_card",
  paypal: "method.paypal",
  manual: "method.manual",
};

function paymentMethod(language: EmailLanguage, gateway: string | null): string {
  const key = gateway ? GATEWAY_METHODS[gateway] : undefined;
  if (key) return emailMessage(language, key);
  return emailMessage(language, "method.other", { gateway: gateway ?? "?" });
}

function deniedBlocks(language: EmailLanguage, denied: readonly DeniedItem[]): EmailBlock[] {
  return [
    {
      kind: "list",
      items: denied.map((entry) =>
        emailMessage(language, "claim_denied.item", { item: itemLabel(language, entry.item), clause: entry.clause }),
      ),
    },
    ...denied.flatMap((entry): EmailBlock[] => (entry.note ? [{ kind: "quote", text: entry.note }] : [])),
  ];
}

function approvedBlocks(language: EmailLanguage, approved: readonly ApprovedItem[]): EmailBlock[] {
  return [
    { kind: "paragraph", text: emailMessage(language, "claim_approved.approved") },
    {
      kind: "list",
      items: approved.map(({ item, resolution }) =>
        emailMessage(language, "claim_approved.approved_item", {
          item: itemLabel(language, item),
          resolution: emailMessage(language, `resolution.${resolution}`),
        }),
      ),
    },
  ];
}

function storeMessage(language: EmailLanguage, note: string | null): EmailBlock[] {
  return note
    ? [
        { kind: "paragraph", text: emailMessage(language, "common.store_message") },
        { kind: "quote", text: note },
      ]
    : [];
}

function returnBlocks(language: EmailLanguage, shopName: string, ret: ApprovalReturn): EmailBlock[] {
  const t = (key: EmailMessageKey, params: Record<string, string | number> = {}) => emailMessage(language, key, params);
  switch (ret.kind) {
    case "none":
      return [{ kind: "paragraph", text: t("claim_approved.no_return") }];
    case "already_back":
      return [{ kind: "paragraph", text: t("claim_approved.already_back") }];
    case "told_by_shop":
      return [{ kind: "paragraph", text: t("claim_approved.return_by_shop", { shop: shopName }) }];
    case "instructions":
      return [
        { kind: "heading", text: t("return.heading") },
        ...ret.destinations.flatMap((destination): EmailBlock[] => [
          {
            kind: "paragraph",
            text: destination.name ? t("return.send_to", { name: destination.name }) : t("return.send_to_unnamed"),
          },
          destination.address.length > 0
            ? { kind: "address", lines: destination.address }
            : { kind: "paragraph", text: t("return.address_on_page") },
          {
            kind: "list",
            items: destination.items.map(({ item, parts }) =>
              parts.length > 0
                ? `${itemLabel(language, item)}. ${t("return.include", { parts: parts.join(", ") })}`
                : itemLabel(language, item),
            ),
          },
          ...(destination.overseas ? [{ kind: "paragraph" as const, text: t("return.overseas") }] : []),
        ]),
        { kind: "paragraph", text: t("return.tracked") },
        {
          kind: "paragraph",
          text: t(ret.paidBy === "merchant" ? "return.paid_by_merchant" : "return.paid_by_customer"),
        },
        { kind: "paragraph", text: t("return.tracking_next") },
      ];
  }
}

function shopperBody(frame: ShopperFrame, facts: ShopperFacts): { subject: string; blocks: EmailBlock[] } {
  const { language } = frame;
  const t = (key: EmailMessageKey, params: Record<string, string | number> = {}) => emailMessage(language, key, params);
  const base = { number: frame.claimNumber, shop: frame.shopName };
  switch (facts.template) {
    case "claim_received":
      return {
        subject: t("claim_received.subject", base),
        blocks: [
          { kind: "paragraph", text: t("claim_received.intro", base) },
          { kind: "list", items: facts.items.map((item) => itemLabel(language, item)) },
          ...(frame.orderName
            ? [{ kind: "paragraph" as const, text: t("common.order", { order: frame.orderName }) }]
            : []),
          ...(facts.respondBy
            ? [
                {
                  kind: "paragraph" as const,
                  text: t("claim_received.promise", {
                    deadline: formatDeadline(facts.respondBy, language, frame.timezone),
                  }),
                },
              ]
            : []),
          { kind: "paragraph", text: t("claim_received.next") },
        ],
      };
    case "info_requested":
      return {
        subject: t("info_requested.subject", base),
        blocks: [
          { kind: "paragraph", text: t("info_requested.intro", base) },
          { kind: "quote", text: facts.message },
          { kind: "paragraph", text: t("info_requested.next") },
        ],
      };
    case "claim_approved":
      return {
        subject: t(facts.partial ? "claim_approved.subject_partial" : "claim_approved.subject", base),
        blocks: [
          { kind: "paragraph", text: t(facts.partial ? "claim_approved.intro_partial" : "claim_approved.intro", base) },
          ...approvedBlocks(language, facts.approved),
          ...(facts.denied.length > 0
            ? [
                { kind: "paragraph" as const, text: t("claim_approved.not_covered") },
                ...deniedBlocks(language, facts.denied),
              ]
            : []),
          ...storeMessage(language, facts.note),
          ...returnBlocks(language, frame.shopName, facts.return),
        ],
      };
    case "return_received":
      return {
        subject: t("return_received.subject", base),
        blocks: [
          ...(facts.approval
            ? [
                {
                  kind: "paragraph" as const,
                  text: t(facts.approval.partial ? "claim_approved.intro_partial" : "claim_approved.intro", base),
                },
                ...approvedBlocks(language, facts.approval.approved),
              ]
            : []),
          { kind: "paragraph", text: t("return_received.intro", base) },
          { kind: "paragraph", text: t("return_received.next") },
        ],
      };
    case "claim_resolved": {
      const refund = facts.refund;
      return {
        subject: t("claim_resolved.subject", base),
        blocks: [
          { kind: "paragraph", text: t("claim_resolved.intro", base) },
          {
            kind: "list",
            items: facts.outcomes.map(({ item, outcome, fallback }) =>
              t(fallback ? `outcome.${fallback}` : `outcome.${outcome}`, { item: itemLabel(language, item) }),
            ),
          },
          ...(refund && !facts.refundToldByShop
            ? [
                {
                  kind: "paragraph" as const,
                  text: t("refund.total", {
                    amount: formatMoney(refund.total.amount, refund.total.currencyCode, language),
                  }),
                },
                {
                  kind: "list" as const,
                  items: refund.transactions.map((transaction) =>
                    t("refund.to", {
                      amount: formatMoney(transaction.amount, transaction.currencyCode, language),
                      method: paymentMethod(language, transaction.gateway),
                    }),
                  ),
                },
                { kind: "paragraph" as const, text: t("refund.timing") },
              ]
            : []),
          ...(facts.refundToldByShop && facts.outcomes.some((o) => o.outcome === "refunded")
            ? [{ kind: "paragraph" as const, text: t("refund.told_by_shop") }]
            : []),
          ...(facts.replacementOrderName
            ? [{ kind: "paragraph" as const, text: t("replacement.order", { order: facts.replacementOrderName }) }]
            : []),
          ...(facts.repairNote
            ? [
                { kind: "paragraph" as const, text: t("repair.notes") },
                { kind: "quote" as const, text: facts.repairNote },
              ]
            : []),
        ],
      };
    }
    case "claim_denied":
      return {
        subject: t("claim_denied.subject", base),
        blocks: [
          { kind: "paragraph", text: t("claim_denied.intro", base) },
          ...deniedBlocks(language, facts.denied),
          ...storeMessage(language, facts.note),
          { kind: "paragraph", text: t("claim_denied.next") },
        ],
      };
  }
}

export function shopperEmail(frame: ShopperFrame, facts: ShopperFacts): EmailDocument {
  const { language } = frame;
  const { subject, blocks } = shopperBody(frame, facts);
  return {
    subject,
    language,
    blocks: [
      {
        kind: "paragraph",
        text: frame.customerName
          ? emailMessage(language, "common.greeting", { name: frame.customerName })
          : emailMessage(language, "common.greeting_anonymous"),
      },
      ...blocks,
      { kind: "button", label: emailMessage(language, "common.view_claim"), url: frame.claimUrl },
      {
        kind: "footer",
        text: emailMessage(language, "common.footer", { number: frame.claimNumber, shop: frame.shopName }),
      },
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// The merchant's emails (English)

export interface MerchantFrame {
  timezone: string;
  shopName: string;
}

export interface MerchantClaimRef {
  number: number;
  customerName: string | null;
  /** The claim's page in the admin. */
  url: string;
}

export interface DigestEntry extends MerchantClaimRef {
  respondBy: Date | null;
  submittedAt: Date;
}

export type MerchantFacts =
  | {
      template: "merchant_new_claim";
      claim: MerchantClaimRef;
      type: "arrival" | "warranty";
      items: readonly EmailItem[];
      description: string | null;
      respondBy: Date | null;
    }
  | { template: "merchant_shopper_replied"; claim: MerchantClaimRef; answer: string; respondBy: Date | null }
  | {
      template: "merchant_response_due" | "merchant_response_overdue";
      claim: MerchantClaimRef;
      respondBy: Date;
      now: Date;
    }
  | {
      template: "merchant_digest";
      day: string;
      leadHours: number;
      overdue: readonly DigestEntry[];
      dueSoon: readonly DigestEntry[];
      fresh: readonly DigestEntry[];
    };

const EN = "en";

function merchantBody(frame: MerchantFrame, facts: MerchantFacts): { subject: string; blocks: EmailBlock[] } {
  const deadline = (instant: Date) => formatDeadline(instant, EN, frame.timezone);
  const customer = (ref: { customerName: string | null }) => ref.customerName ?? merchantMessage("merchant.a_shopper");
  const respondBy = (instant: Date | null): EmailBlock[] =>
    instant
      ? [{ kind: "paragraph", text: merchantMessage("merchant.respond_by", { deadline: deadline(instant) }) }]
      : [];
  const open = (ref: MerchantClaimRef): EmailBlock => ({
    kind: "button",
    label: merchantMessage("merchant.open_claim", { number: ref.number }),
    url: ref.url,
  });
  switch (facts.template) {
    case "merchant_new_claim": {
      const params = { number: facts.claim.number, customer: customer(facts.claim) };
      return {
        subject: merchantMessage("merchant_new_claim.subject", params),
        blocks: [
          { kind: "paragraph", text: merchantMessage(`merchant_new_claim.intro_${facts.type}`, params) },
          { kind: "list", items: facts.items.map((item) => itemLabel(EN, item)) },
          ...(facts.description
            ? [
                { kind: "paragraph" as const, text: merchantMessage("merchant_new_claim.description") },
                { kind: "quote" as const, text: facts.description },
              ]
            : []),
          ...respondBy(facts.respondBy),
          open(facts.claim),
        ],
      };
    }
    case "merchant_shopper_replied": {
      const params = { number: facts.claim.number, customer: customer(facts.claim) };
      return {
        subject: merchantMessage("merchant_shopper_replied.subject", params),
        blocks: [
          { kind: "paragraph", text: merchantMessage("merchant_shopper_replied.intro", params) },
          { kind: "quote", text: facts.answer },
          { kind: "paragraph", text: merchantMessage("merchant_shopper_replied.clock") },
          ...respondBy(facts.respondBy),
          open(facts.claim),
        ],
      };
    }
    case "merchant_response_due":
    case "merchant_response_overdue": {
      const params = {
        number: facts.claim.number,
        customer: customer(facts.claim),
        deadline: deadline(facts.respondBy),
        // Only the due reminder says how long is left.
        hours: Math.max(1, Math.ceil((facts.respondBy.getTime() - facts.now.getTime()) / HOUR_MS)),
      };
      return {
        subject: merchantMessage(`${facts.template}.subject`, params),
        blocks: [{ kind: "paragraph", text: merchantMessage(`${facts.template}.intro`, params) }, open(facts.claim)],
      };
    }
    case "merchant_digest": {
      const section = (title: string, entries: readonly DigestEntry[], line: (entry: DigestEntry) => string) =>
        entries.length === 0
          ? []
          : [
              { kind: "heading" as const, text: title },
              ...entries.map((entry): EmailBlock => ({ kind: "link", label: line(entry), url: entry.url })),
            ];
      const due = (entry: DigestEntry) =>
        merchantMessage("merchant_digest.entry_due", {
          number: entry.number,
          customer: customer(entry),
          deadline: entry.respondBy ? deadline(entry.respondBy) : "-",
        });
      const empty = facts.overdue.length + facts.dueSoon.length + facts.fresh.length === 0;
      return {
        subject: merchantMessage("merchant_digest.subject", {
          day: facts.day,
          overdue: facts.overdue.length,
          due: facts.dueSoon.length,
          new: facts.fresh.length,
        }),
        blocks: [
          { kind: "paragraph", text: merchantMessage(empty ? "merchant_digest.nothing" : "merchant_digest.intro") },
          ...section(merchantMessage("merchant_digest.overdue"), facts.overdue, due),
          ...section(merchantMessage("merchant_digest.due", { hours: facts.leadHours }), facts.dueSoon, due),
          ...section(merchantMessage("merchant_digest.new"), facts.fresh, (entry) =>
            merchantMessage("merchant_digest.entry_new", {
              number: entry.number,
              customer: customer(entry),
              filed: deadline(entry.submittedAt),
            }),
          ),
        ],
      };
    }
  }
}

export function merchantEmail(frame: MerchantFrame, facts: MerchantFacts): EmailDocument {
  const { subject, blocks } = merchantBody(frame, facts);
  return {
    subject,
    language: EN,
    blocks: [...blocks, { kind: "footer", text: merchantMessage("merchant.footer", { shop: frame.shopName }) }],
  };
}
