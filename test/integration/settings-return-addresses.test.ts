import { beforeEach, describe, expect, it } from "vitest";
import prisma from "../../app/db.server";
import { loader as shopperClaimLoader } from "../../app/routes/api.claims.$claimId";
import { loader as claimLoader } from "../../app/routes/app.claims.$claimId";
import { action, loader } from "../../app/routes/app.settings.return-addresses";
import type { ClaimPage } from "../../app/services/claim-page.server";
import type { ReturnAddressesPage } from "../../app/services/return-addresses.server";
import type { ClaimDetail } from "../../app/services/shopper-claims.server";
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

// Settings, Return addresses, through the real route: the shop's Shopify locations with where
// their returns go and whether they are overseas; saved, refused with the field named, kept per
// shop; and used: the claim page's return card and the shopper's return instructions send the item
// to the address set for the warehouse that shipped it.

const OTHER_SHOP = "other-shop.myshopify.com";
const NOW = new Date();
const CENTRE = {
  name: "Rhein Returns Centre",
  address1: "Hafenweg 3",
  address2: "",
  city: "Köln",
  province: "",
  zip: "50667",
  countryCode: "DE",
};
let claims: SeededDemoClaim[];

type Answer = { status: number; body: { message?: string; error?: { code: string; message: string; field?: string } } };

async function page(shop = TEST_SHOP): Promise<ReturnAddressesPage> {
  const request = await adminDocumentRequest("/app/settings/return-addresses");
  if (shop !== TEST_SHOP) {
    const data = await adminDataRequest("/app/settings/return-addresses", undefined, shop);
    return (await loader(routeArgs(data))) as ReturnAddressesPage;
  }
  return (await loader(routeArgs(request))) as ReturnAddressesPage;
}

async function save(body: unknown, shop = TEST_SHOP): Promise<Answer> {
  const request = await adminDataRequest(
    "/app/settings/return-addresses",
    { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) },
    shop,
  );
  const result = await action(routeArgs(request));
  if (result instanceof Response) return { status: result.status, body: (await result.json()) as Answer["body"] };
  return { status: 200, body: result as Answer["body"] };
}

const store = () => simulator.store(TEST_SHOP);
const locationNamed = (name: string) => store().state.locations.find((l) => l.name.startsWith(name))!;
const own = (locationId: string, overseas = false) => ({ locationId, sendTo: "own", overseas });

beforeEach(async () => {
  await installTestShop(TEST_SHOP);
  const manifest = seedDemoStore(simulator, { shop: TEST_SHOP, now: NOW, seed: 11 });
  const graphql = (await unauthenticated.admin(TEST_SHOP)).admin.graphql;
  claims = await seedDemoClaims(prisma, graphql, simulator, manifest, NOW, DEMO_CLAIM_PLANS);
});

describe("the return addresses page", () => {
  it("GIVEN nothing set WHEN the page loads THEN it lists every Shopify location, each sending returns to its own address, none overseas", async () => {
    const loaded = await page();

    expect(loaded.locations).toEqual(
      store().state.locations.map((location) => ({
        location: {
          id: location.id,
          name: location.name,
          isActive: true,
          address: [location.address1, `${location.zip} ${location.city}`, expect.any(String)],
        },
        sendTo: "own",
        centre: null,
        overseas: false,
      })),
    );
  });

  it("GIVEN the merchant sends the Berlin warehouse's returns to a returns centre and marks Shenzhen overseas WHEN saved THEN the page shows it, and another shop is unaffected", async () => {
    const berlin = locationNamed("Berlin");
    const shenzhen = locationNamed("Shenzhen");

    const saved = await save({
      locations: [
        {
          locationId: berlin.id,
          sendTo: "centre",
          centre: { ...CENTRE, name: "  Rhein Returns Centre " },
          overseas: false,
        },
        own(shenzhen.id, true),
      ],
    });

    expect(saved).toEqual({
      status: 200,
      body: { ok: true, message: "Return addresses saved; shoppers see them on the return instructions" },
    });
    const loaded = await page();
    expect(loaded.locations.find((row) => row.location.id === berlin.id)).toMatchObject({
      sendTo: "centre",
      centre: CENTRE,
      overseas: false,
    });
    expect(loaded.locations.find((row) => row.location.id === shenzhen.id)).toMatchObject({
      sendTo: "own",
      centre: null,
      overseas: true,
    });
    expect(await prisma.returnAddress.count({ where: { shop: OTHER_SHOP } })).toBe(0);

    // Back to its own address: the returns centre is gone.
    await save({ locations: [own(berlin.id)] });
    expect((await page()).locations.find((row) => row.location.id === berlin.id)).toMatchObject({
      sendTo: "own",
      centre: null,
    });
  });

  it("GIVEN a returns centre without a city WHEN saved THEN it is a 400 naming the field, and nothing is saved", async () => {
    const berlin = locationNamed("Berlin");
    const shenzhen = locationNamed("Shenzhen");

    const refused = await save({
      locations: [
        own(shenzhen.id, true),
        { locationId: berlin.id, sendTo: "centre", centre: { ...CENTRE, city: " " }, overseas: false },
      ],
    });

    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "invalid_request", field: "locations.1.centre.city" });
    expect(refused.body.error?.message).toContain("enter the city");
    expect(await prisma.returnAddress.count()).toBe(0);
  });

  it("GIVEN the overseas warehouse's returns set to the local Berlin warehouse's address WHEN saved THEN it is refused, quoting the guarantee", async () => {
    const berlin = locationNamed("Berlin");
    const shenzhen = locationNamed("Shenzhen");
    const berlinAddress = {
      ...CENTRE,
      name: "Our Berlin place",
      address1: ` ${berlin.address1.toUpperCase()} `,
      zip: berlin.zip,
      city: berlin.city,
      countryCode: berlin.countryCode,
    };

    const refused = await save({
      locations: [own(berlin.id), { locationId: shenzhen.id, sendTo: "centre", centre: berlinAddress, overseas: true }],
    });

    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ field: "locations.1.centre.address1" });
    expect(refused.body.error?.message).toContain(
      "a local warehouse: the guarantee says items from an overseas warehouse cannot be returned to a local one",
    );
    // The same address for a local warehouse is fine.
    expect(
      (
        await save({
          locations: [{ locationId: shenzhen.id, sendTo: "centre", centre: berlinAddress, overseas: false }],
        })
      ).status,
    ).toBe(200);
  });

  it("GIVEN a location that is not in the store WHEN saved THEN it is a 400 naming it", async () => {
    const refused = await save({ locations: [own("gid://shopify/Location/999999")] });

    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ field: "locations.0.locationId" });
  });
});

describe("where returns go", () => {
  it("GIVEN a returns centre set for the warehouse that shipped a claim's item, overseas WHEN the claim page and the shopper's claim load THEN both show the returns centre's address instead of the warehouse's, and say it is overseas", async () => {
    const awaiting = claims.find((c) => c.status === "awaiting_return")!;
    const row = await prisma.claim.findUniqueOrThrow({ where: { id: awaiting.claimId } });
    const order = store().state.orders.find((o) => o.id === row.orderId)!;
    const warehouse = store().state.locations.find((l) => l.id === order.fulfillments[0]!.locationId)!;
    const centre = { ...CENTRE, countryCode: warehouse.countryCode === "DE" ? "DE" : "HK", city: "Somewhere" };
    expect(
      (await save({ locations: [{ locationId: warehouse.id, sendTo: "centre", centre, overseas: true }] })).status,
    ).toBe(200);

    const claimRequest = await adminDocumentRequest(`/app/claims/${awaiting.claimId}`);
    const claimPage = (await claimLoader({
      ...routeArgs(claimRequest),
      params: { claimId: awaiting.claimId },
    })) as ClaimPage;
    expect(claimPage.return?.instructions?.destinations).toEqual([
      expect.objectContaining({
        locationId: warehouse.id,
        warehouse: warehouse.name,
        name: "Rhein Returns Centre",
        address: ["Hafenweg 3", "50667 Somewhere", centre.countryCode === "DE" ? "Germany" : "Hong Kong SAR China"],
        returnsCentre: true,
        overseas: true,
      }),
    ]);

    const request = await shopperRequest(`/api/claims/${encodeURIComponent(awaiting.claimId)}`, row.customerId);
    const response = (await shopperClaimLoader({
      request,
      params: { claimId: awaiting.claimId },
      context: {},
    })) as Response;
    const { claim } = (await response.json()) as { claim: ClaimDetail };
    expect(claim.returnInstructions?.destinations).toEqual([
      {
        locationName: "Rhein Returns Centre",
        address: claimPage.return!.instructions!.destinations[0]!.address,
        overseas: true,
        items: [{ lineItemId: order.lineItems[0]!.id, quantity: 1 }],
      },
    ]);
  });
});
