import { describe, expect, it } from "vitest";
import { listWords, returnSentence } from "./decision-words";

const berlin = (quantity: number) => ({
  locationId: "gid://shopify/Location/1",
  warehouse: "Berlin Warehouse",
  quantity,
});
const shenzhen = (quantity: number) => ({
  locationId: "gid://shopify/Location/2",
  warehouse: "Shenzhen Warehouse",
  quantity,
});

describe("what the decision does in Shopify, in words", () => {
  it("GIVEN one unit from one warehouse THEN the sentence names the item, the order and the warehouse", () => {
    expect(returnSentence("#1014", [{ title: "Nimbus Power Bank", quantity: 1, returnTo: [berlin(1)] }])).toBe(
      "A return is opened in Shopify for 1 × Nimbus Power Bank on order #1014; the shopper is asked to send it to Berlin Warehouse.",
    );
  });

  it("GIVEN two items from two warehouses THEN each goes back where it came from", () => {
    expect(
      returnSentence("#1020", [
        { title: "Volt X2 E-Scooter", quantity: 1, returnTo: [berlin(1)] },
        { title: "Nimbus Power Bank", quantity: 2, returnTo: [shenzhen(2)] },
      ]),
    ).toBe(
      "A return is opened in Shopify for 1 × Volt X2 E-Scooter and 2 × Nimbus Power Bank on order #1020; the shopper is asked to send 1 × Volt X2 E-Scooter to Berlin Warehouse and 2 × Nimbus Power Bank to Shenzhen Warehouse.",
    );
  });

  it("GIVEN fewer units approved than claimed over two warehouses THEN they are drawn in the claim's order, and an unknown warehouse is said plainly", () => {
    expect(
      returnSentence(null, [
        {
          title: "Lamp",
          quantity: 1,
          returnTo: [{ locationId: "gid://shopify/Location/9", warehouse: null, quantity: 1 }, berlin(1)],
        },
        { title: "Cable", quantity: 0, returnTo: [berlin(1)] },
      ]),
    ).toBe(
      "A return is opened in Shopify for 1 × Lamp on the order; the shopper is asked to send it to the warehouse it shipped from.",
    );
  });

  it("GIVEN lists of words THEN they read as a sentence", () => {
    expect([listWords([]), listWords(["a"]), listWords(["a", "b"]), listWords(["a", "b", "c"])]).toEqual([
      "",
      "a",
      "a and b",
      "a, b and c",
    ]);
  });
});
