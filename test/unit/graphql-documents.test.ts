import { describe, expect, it } from "vitest";
import { GRAPHQL_PROJECTS } from "../../graphql.config.mjs";
import { checkDocument, findDocuments, loadSchema } from "../support/graphql-documents";

const root = process.cwd();
const PREFIX = "WarrantyDesk";

describe("every GraphQL document in the project matches Shopify's published schema", () => {
  it.each(Object.entries(GRAPHQL_PROJECTS))("%s documents validate", (_name, project) => {
    // GIVEN Shopify's schema for the API the documents talk to
    const schema = loadSchema(project.schema);
    // WHEN every #graphql document is validated against it
    const problems = findDocuments(project.documents, root).flatMap((doc) => checkDocument(schema, doc, PREFIX));
    // THEN there is no unknown field, argument or type, and every operation is named with the prefix
    expect(problems).toEqual([]);
  });

  it("finds the app's Admin operations (the check is not vacuous)", () => {
    const names = findDocuments(GRAPHQL_PROJECTS.admin.documents, root).map(
      (d) => d.source.match(/(query|mutation) (\w+)/)?.[2],
    );
    expect(names).toContain("WarrantyDeskShopProfile");
  });
});

describe("the check fails on documents Shopify would reject", () => {
  const admin = loadSchema(GRAPHQL_PROJECTS.admin.schema);
  const customer = loadSchema(GRAPHQL_PROJECTS.customer.schema);
  const fixture = (file: string) => findDocuments([`test/fixtures/graphql/${file}`], root);

  it("rejects a misspelled field", () => {
    const [doc] = fixture("misspelled-field.ts");
    expect(checkDocument(admin, doc!, PREFIX)).toEqual([
      expect.stringMatching(
        /^test\/fixtures\/graphql\/misspelled-field\.ts:\d+: Cannot query field "ianaTimezon" on type "Shop"/,
      ),
    ]);
  });

  it("rejects an unknown argument and an unknown type", () => {
    const [doc] = fixture("unknown-argument-and-type.ts");
    const problems = checkDocument(admin, doc!, PREFIX).join("\n");
    expect(problems).toContain('Unknown type "OrderIdentifier"');
    expect(problems).toContain('Unknown argument "reference" on field "QueryRoot.order"');
  });

  it("rejects an operation without the project prefix", () => {
    const [doc] = fixture("unnamed-operation.ts");
    expect(checkDocument(admin, doc!, PREFIX)).toEqual([
      expect.stringContaining("operation ShopName must start with WarrantyDesk"),
    ]);
  });

  it("checks extension documents against the Customer Account API, not the Admin API", () => {
    const [valid, broken] = fixture("customer-account.ts");
    expect(checkDocument(customer, valid!, PREFIX)).toEqual([]);
    expect(checkDocument(customer, broken!, PREFIX).join("\n")).toContain(
      'Cannot query field "deliveredAt" on type "Fulfillment"',
    );
  });
});
