// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, render, waitFor } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ProductRulesBlock, type ProductRules } from "./ProductRulesBlock";

// The block on Shopify's product page, on a fake admin host: the `shopify` global (its
// translations are the extension's real English file) and a fetch answered like the app's route.

const english = JSON.parse(
  readFileSync(join(process.cwd(), "extensions/product-rules/locales/en.default.json"), "utf8"),
) as Record<string, unknown>;
const translate = (key: string, values: Record<string, string> = {}) => {
  const text = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], english);
  if (typeof text !== "string") throw new Error(`no English text for ${key}`);
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? "");
};

function installHost(productId: string, answer: { status: number; body?: unknown }) {
  const requests: string[] = [];
  vi.stubGlobal("shopify", {
    data: { selected: [{ id: productId }] },
    i18n: {
      translate,
      formatCurrency: (n: number, o: { currency: string }) =>
        new Intl.NumberFormat("en-GB", { style: "currency", currency: o.currency }).format(n),
    },
  });
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      requests.push(url);
      return new Response(JSON.stringify(answer.body ?? {}), { status: answer.status });
    }),
  );
  return requests;
}

const SCOOTER: ProductRules = {
  hasOverride: true,
  editPath: "/app/products/edit?product=42",
  rules: [
    { label: "Warranty", value: "24 months", source: "product" },
    { label: "Report damage on arrival", value: "3 days after delivery", source: "shop" },
  ],
  components: [{ name: "battery", chargeIfMissing: { amount: "189.00", currencyCode: "EUR" } }],
  componentsSource: "product",
};

const text = () => document.body.textContent ?? "";
const links = () => [...document.querySelectorAll("s-link")].map((l) => [l.textContent, l.getAttribute("href")]);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the product rules block", () => {
  it("asks the app for this product's rules and shows each with where it comes from, the parts with their charge, and a link to edit them", async () => {
    const requests = installHost("gid://shopify/Product/42", { status: 200, body: SCOOTER });
    render(<ProductRulesBlock />);
    await waitFor(() => expect(text()).toContain("24 months"));
    expect(requests).toEqual(["/api/admin/product-rules/42"]);
    const rows = [...document.querySelectorAll("s-table-row")].map((row) =>
      [...row.querySelectorAll("s-table-cell")].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      ["Warranty", "24 months", "This product"],
      ["Report damage on arrival", "3 days after delivery", "Shop policy"],
    ]);
    expect(text()).toContain("This product has its own rules where marked.");
    expect(text()).toContain("battery: €189.00 if missing");
    expect(links()).toEqual([["Edit this product's rules", "app:app/products/edit?product=42"]]);
  });

  it("says the product follows the shop policy when it has no override, and that no parts are checked", async () => {
    installHost("gid://shopify/Product/7", {
      status: 200,
      body: { ...SCOOTER, hasOverride: false, components: [], componentsSource: "shop", rules: [] },
    });
    render(<ProductRulesBlock />);
    await waitFor(() => expect(text()).toContain("This product follows your shop policy."));
    expect(text()).toContain("No parts are checked when it comes back.");
  });

  it("tells the merchant what to do when the app does not answer", async () => {
    installHost("gid://shopify/Product/7", { status: 500 });
    render(<ProductRulesBlock />);
    await waitFor(() => expect(text()).toContain("The rules could not be loaded. Open Warranty Desk to see them"));
    expect(links()).toEqual([["Open Warranty Desk", "app:app/products"]]);
  });
});
