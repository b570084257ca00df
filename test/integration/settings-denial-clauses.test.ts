import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { loader as shopperClaimLoader } from "../../app/routes/api.claims.$claimId";
import { action as claimAction, loader as claimLoader } from "../../app/routes/app.claims.$claimId";
import { action, loader } from "../../app/routes/app.settings.denial-clauses";
import type { ClaimPage } from "../../app/services/claim-page.server";
import type { ShopClause } from "../../app/domain/denial-clauses";
import { unauthenticated } from "../../app/shopify.server";
import { DEMO_CLAIM_PLANS, seedDemoClaims, type SeededDemoClaim } from "../demo/seed-claims";
import { simulator } from "../simulator/network-edge";
import { seedDemoStore } from "../simulator/seed";
import { shopperRequest } from "../support/customer-account-requests";
import {
  adminDataRequest,
  adminDocumentRequest,
  installTestShop,
  routeArgs,
  TEST_SHOP,
} from "../support/shopify-requests";

// Settings, Denial clauses, through the real route: the guarantee's clauses as defaults, edited,
// added, retired and offered again, refused with the field named, kept per shop; and used: the
// decide modal offers the shop's clauses not retired, and a denied shopper keeps reading the words
// they were sent with, whatever the merchant changes afterwards.

const OTHER_SHOP = "other-shop.myshopify.com";
const NOW = new Date();
let claims: SeededDemoClaim[];

type Answer = {
  status: number;
  body: { ok?: true; message?: string; clauseId?: string; error?: { code: string; message: string; field?: string } };
};

async function clauses(): Promise<ShopClause[]> {
  const request = await adminDocumentRequest("/app/settings/denial-clauses");
  return ((await loader(routeArgs(request))) as { clauses: ShopClause[] }).clauses;
}

async function change(body: unknown, shop = TEST_SHOP): Promise<Answer> {
  const request = await adminDataRequest(
    "/app/settings/denial-clauses",
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
    shop,
  );
  const result = await action(routeArgs(request));
  if (result instanceof Response) return { status: result.status, body: (await result.json()) as Answer["body"] };
  return { status: 200, body: result as Answer["body"] };
}

async function claimPage(claimId: string): Promise<ClaimPage> {
  const request = await adminDocumentRequest(`/app/claims/${claimId}`);
  return (await claimLoader({ ...routeArgs(request), params: { claimId } })) as ClaimPage;
}

async function decide(claimId: string, body: Record<string, unknown>): Promise<Answer> {
  const request = await adminDataRequest(`/app/claims/${claimId}`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ intent: "decide", ...body }),
  });
  const result = await claimAction({ ...routeArgs(request), params: { claimId } });
  if (result instanceof Response) return { status: result.status, body: (await result.json()) as Answer["body"] };
  return { status: 200, body: result as unknown as Answer["body"] };
}

async function shopperDenial(claimId: string, language = "en") {
  const row = await prisma.claim.findUniqueOrThrow({ where: { id: claimId } });
  const request = await shopperRequest(`/api/claims/${claimId}`, row.customerId, {
    headers: { "Accept-Language": language },
  });
  const response = await shopperClaimLoader({ request, params: { claimId }, context: {} });
  return ((await response.json()) as { claim: { denial: { items: { reason: string; clause: string }[] } | null } })
    .claim.denial;
}

const SEAL = {
  intent: "save",
  label: "Seal broken",
  words: "The guarantee does not cover a product whose warranty seal was broken.",
  translations: { de: "Die Garantie gilt nicht für ein Produkt mit gebrochenem Garantiesiegel." },
};

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
  const manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: NOW, seed: 11 });
  const graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
  claims = await seedDemoClaims(prisma, graphql, simulator, manifest, NOW, DEMO_CLAIM_PLANS);
});

describe("the denial clauses page", () => {
  it("GIVEN nothing changed WHEN the page loads THEN it lists the written guarantee's clauses, none edited or retired", async () => {
    const listed = await clauses();

    expect(listed.map((c) => c.reason)).toEqual([
      "firmware_flashed",
      "body_opened",
      "parts_modified",
      "unintended_use",
      "continued_use_after_fault",
      "late_report",
      "accidental_damage",
      "misuse",
      "wear_and_tear",
      "window_expired",
      "not_covered",
      "missing_evidence",
      "other",
    ]);
    expect(listed.find((c) => c.reason === "misuse")).toMatchObject({
      label: "Misuse",
      custom: false,
      edited: false,
      retired: false,
      words: {
        words: "The guarantee does not cover damage from misuse.",
        translations: { de: "Die Garantie deckt keine Schäden durch unsachgemäßen Gebrauch." },
      },
    });
  });

  it("GIVEN the merchant edits a default clause's words and adds one of their own WHEN saved THEN both are listed, and another shop still has the defaults", async () => {
    const edited = await change({
      intent: "save",
      clauseId: "wear_and_tear",
      label: "Worn out",
      words: "  Normal wear is not a defect.  ",
      translations: {},
    });
    const added = await change(SEAL);

    expect(edited).toMatchObject({ status: 200, body: { ok: true, clauseId: "wear_and_tear" } });
    expect(added.status).toBe(200);
    expect(added.body.clauseId).toMatch(/^custom_[a-z0-9]{8,40}$/);
    const listed = await clauses();
    expect(listed.find((c) => c.reason === "wear_and_tear")).toMatchObject({
      label: "Worn out",
      edited: true,
      shopperWords: { en: "Normal wear is not a defect.", de: "Normal wear is not a defect." },
    });
    expect(listed.at(-1)).toMatchObject({
      reason: added.body.clauseId,
      label: "Seal broken",
      custom: true,
      guarantee: null,
      // Languages without words of their own read the shop's words.
      shopperWords: {
        en: SEAL.words,
        fr: SEAL.words,
        de: "Die Garantie gilt nicht für ein Produkt mit gebrochenem Garantiesiegel.",
        es: SEAL.words,
      },
    });
    expect(await prisma.denialClause.count({ where: { shop: OTHER_SHOP } })).toBe(0);
  });

  it.each([
    ["a clause without words for the shopper", { ...SEAL, words: "   " }, "words", "write what the shopper reads"],
    ["a clause without a label", { ...SEAL, label: "" }, "label", "name the clause"],
    ["an unknown clause", { ...SEAL, clauseId: "custom_doesnotexist" }, "clauseId", "not one of your clauses"],
    ["retiring Other", { intent: "retire", clauseId: "other" }, "clauseId", "cannot be retired"],
  ])("GIVEN %s WHEN sent THEN it is a 400 naming the field and nothing is saved", async (_, body, field, message) => {
    const refused = await change(body);

    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "invalid_request", field });
    expect(refused.body.error?.message).toContain(message);
    expect(await prisma.denialClause.count()).toBe(0);
  });
});

describe("denying with the shop's clauses", () => {
  it("GIVEN the merchant's own clause WHEN they deny with it, then edit and retire it THEN the shopper keeps reading the words they were sent, and the clause is no longer offered", async () => {
    const claim = claims.find((c) => c.status === "submitted")!;
    const added = await change(SEAL);
    const clauseId = added.body.clauseId!;
    await change({ intent: "retire", clauseId: "misuse" });
    const seen = await claimPage(claim.claimId);
    expect(seen.evaluation.clauses.map((c) => c.reason)).toContain(clauseId);
    expect(seen.evaluation.clauses.map((c) => c.reason)).not.toContain("misuse");

    const denied = await decide(claim.claimId, {
      version: seen.version,
      items: seen.items.map((item) => ({ lineItemId: item.lineItemId, decision: "deny", clause: clauseId })),
    });
    expect(denied.status).toBe(200);
    await change({ ...SEAL, clauseId, words: "Changed later.", translations: {} });
    await change({ intent: "retire", clauseId });

    expect(await shopperDenial(claim.claimId)).toEqual({
      items: seen.items.map((item) => ({
        lineItemId: item.lineItemId,
        reason: clauseId,
        clause: SEAL.words,
        note: null,
      })),
    });
    expect((await shopperDenial(claim.claimId, "de"))?.items[0]?.clause).toBe(SEAL.translations.de);
    expect((await shopperDenial(claim.claimId, "fr"))?.items[0]?.clause).toBe(SEAL.words);
    const after = await claimPage(claim.claimId);
    expect(after.items[0]?.decision).toMatchObject({
      kind: "deny",
      reason: clauseId,
      clause: { label: "Seal broken" },
    });
    expect(after.evaluation.clauses.map((c) => c.reason)).not.toContain(clauseId);
  });

  it("GIVEN a retired clause WHEN the merchant denies with it THEN it is a 400 on the item's clause and the claim is unchanged; offered again, it works", async () => {
    const claim = claims.find((c) => c.status === "submitted")!;
    await change({ intent: "retire", clauseId: "misuse" });
    const seen = await claimPage(claim.claimId);
    const body = {
      version: seen.version,
      items: seen.items.map((item) => ({ lineItemId: item.lineItemId, decision: "deny", clause: "misuse" })),
    };

    const refused = await decide(claim.claimId, body);

    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ field: "items.0.clause" });
    expect(refused.body.error?.message).toContain("retired");
    expect((await claimPage(claim.claimId)).status).toBe("submitted");

    await change({ intent: "restore", clauseId: "misuse" });
    expect((await decide(claim.claimId, body)).status).toBe(200);
  });
});
