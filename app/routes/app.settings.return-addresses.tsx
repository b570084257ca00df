import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useFetcher, useLoaderData } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import {
  Badge,
  Banner,
  BlockStack,
  Card,
  Checkbox,
  ChoiceList,
  FormLayout,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import prisma from "../db.server";
import { useLeaveConfirmation } from "../components/use-leave-confirmation";
import { countryName, type ReturnCentre } from "../domain/return-addresses";
import { loadReturnAddresses, saveReturnAddresses, type ReturnAddressRow } from "../services/return-addresses.server";
import { authenticate } from "../shopify.server";
import { errorResponse, type ErrorBody } from "../utils/http.server";
import { withinBodyLimit } from "../utils/request-limits.server";
import { readJsonBody } from "../utils/request-input.server";
import { keepFormOnLostConnection, skipRevalidationAfterLostConnection } from "../utils/client-action";

export const meta: MetaFunction = () => [{ title: "Return addresses · Settings · Warranty Desk" }];

// Where each warehouse's returns go: the guarantee sends an item back to the warehouse it came from.
// Not fetched again after a post lost with the connection (app/utils/client-action.ts).
export const shouldRevalidate = skipRevalidationAfterLostConnection;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  try {
    return await loadReturnAddresses(prisma, admin.graphql, session.shop);
  } catch (error) {
    throw errorResponse(error);
  }
};

// A post lost with the connection keeps the page and what was typed (app/utils/client-action.ts).
export const clientAction = keepFormOnLostConnection;

export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  try {
    const body = await readJsonBody(await withinBodyLimit(request, "api"));
    return { ok: true as const, ...(await saveReturnAddresses(prisma, admin.graphql, session.shop, body)) };
  } catch (error) {
    // Returned, not thrown: the form keeps what the merchant typed and marks the field.
    return errorResponse(error);
  }
};

const EMPTY_CENTRE: ReturnCentre = {
  name: "",
  address1: "",
  address2: "",
  city: "",
  province: "",
  zip: "",
  countryCode: "",
};

const COUNTRY_CODES = [
  "AT",
  "AU",
  "BE",
  "CA",
  "CH",
  "CN",
  "CZ",
  "DE",
  "DK",
  "ES",
  "FI",
  "FR",
  "GB",
  "HK",
  "IE",
  "IT",
  "JP",
  "KR",
  "NL",
  "NO",
  "NZ",
  "PL",
  "PT",
  "SE",
  "SG",
  "TW",
  "US",
];

type SentLocation =
  | { locationId: string; overseas: boolean; sendTo: "own" }
  | { locationId: string; overseas: boolean; sendTo: "centre"; centre: ReturnCentre };

/** The countries offered, with the one already saved even when it is not in the list. */
const countryOptions = (current: string) =>
  [...new Set([...COUNTRY_CODES, ...(current ? [current] : [])])]
    .map((code) => ({ label: countryName(code), value: code }))
    .sort((a, b) => a.label.localeCompare(b.label));

interface LocationForm {
  sendTo: "own" | "centre";
  centre: ReturnCentre;
  overseas: boolean;
}

const formOf = (row: ReturnAddressRow): LocationForm => ({
  sendTo: row.sendTo,
  centre: row.centre ?? EMPTY_CENTRE,
  overseas: row.overseas,
});

const CENTRE_FIELDS: { key: Exclude<keyof ReturnCentre, "countryCode">; label: string }[] = [
  { key: "name", label: "Name (e.g. your returns centre)" },
  { key: "address1", label: "Street and number" },
  { key: "address2", label: "Apartment, suite, unit (optional)" },
  { key: "zip", label: "Postal code" },
  { key: "city", label: "City" },
  { key: "province", label: "State or province (optional)" },
];

export default function ReturnAddresses() {
  const { locations } = useLoaderData<typeof loader>();
  const [forms, setForms] = useState<LocationForm[]>(() => locations.map(formOf));
  const fetcher = useFetcher<{ ok: true; message: string } | ErrorBody>();
  const shopify = useAppBridge();
  const settled = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = settled && "error" in settled ? settled.error : null;
  const saved = JSON.stringify(locations.map(formOf));
  const dirty = JSON.stringify(forms) !== saved;
  useEffect(() => {
    if (settled && "ok" in settled) shopify.toast.show(settled.message);
  }, [settled, shopify]);
  // After a save the loader's data is the saved state: the form starts from it again. A refused
  // save changes nothing saved, so what the merchant typed stays.
  const latestLocations = useRef(locations);
  latestLocations.current = locations;
  useEffect(() => setForms(latestLocations.current.map(formOf)), [saved]);

  useLeaveConfirmation(dirty);

  const update = (index: number, change: Partial<LocationForm>) =>
    setForms((current) => current.map((form, i) => (i === index ? { ...form, ...change } : form)));
  const fieldError = (path: string) => (error?.field === path ? error.message.replace(/^[\w.]+: /, "") : undefined);
  const save = () =>
    fetcher.submit(
      {
        locations: locations.map((row, index): SentLocation => {
          const form = forms[index]!;
          const common = { locationId: row.location.id, overseas: form.overseas };
          return form.sendTo === "own"
            ? { ...common, sendTo: "own" }
            : { ...common, sendTo: "centre", centre: { ...form.centre } };
        }),
      },
      { method: "post", encType: "application/json" },
    );

  return (
    <Page title="Return addresses" backAction={{ content: "Settings", url: "/app/settings" }}>
      <SaveBar id="return-addresses-save-bar" open={dirty}>
        {/* eslint-disable-next-line react/no-unknown-property -- App Bridge's Save is the primary button */}
        <button variant="primary" onClick={save} disabled={fetcher.state !== "idle"}>
          Save
        </button>
        <button onClick={() => setForms(locations.map(formOf))}>Discard</button>
      </SaveBar>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="p">
              Your guarantee says items go back to the warehouse they came from. Each of your Shopify locations sends
              returns to its own address or to another one, such as a returns centre. Shoppers see this address in their
              return instructions.
            </Text>
            {error ? (
              <Banner tone="critical" title="The return addresses were not saved">
                <p>
                  {error.field?.startsWith("locations.")
                    ? "Check the field marked below, then save again."
                    : error.message}
                </p>
              </Banner>
            ) : null}
            {locations.length === 0 ? (
              // Not Polaris's EmptyState without an image: it keeps a 226 px placeholder until React
              // hydrates, then drops it, and the text jumps up (a layout shift).
              <Card>
                <BlockStack gap="200">
                  <Text as="h2" variant="headingMd">
                    No locations in your store
                  </Text>
                  <Text as="p">
                    Add a location in your Shopify admin under Settings, Locations; then set where its returns go here.
                  </Text>
                </BlockStack>
              </Card>
            ) : null}
            {locations.map((row, index) => {
              const form = forms[index]!;
              const path = `locations.${index}`;
              return (
                <Card key={row.location.id}>
                  <BlockStack gap="300">
                    <InlineStack gap="200" blockAlign="center">
                      <Text as="h2" variant="headingMd">
                        {row.location.name}
                      </Text>
                      {row.location.isActive ? null : <Badge>Inactive</Badge>}
                      {form.overseas ? <Badge tone="info">Overseas</Badge> : null}
                    </InlineStack>
                    <ChoiceList
                      title={`Where returns to ${row.location.name} go`}
                      choices={[
                        {
                          label: "Its own address",
                          value: "own",
                          helpText: row.location.address.join(", ") || "Shopify has no address for this location",
                        },
                        { label: "Another address, such as a returns centre", value: "centre" },
                      ]}
                      selected={[form.sendTo]}
                      onChange={([sendTo]) => update(index, { sendTo: sendTo as LocationForm["sendTo"] })}
                    />
                    {form.sendTo === "centre" ? (
                      <FormLayout>
                        {CENTRE_FIELDS.map((field) => (
                          <TextField
                            key={field.key}
                            label={`${field.label} for ${row.location.name}`}
                            value={form.centre[field.key]}
                            onChange={(value) => update(index, { centre: { ...form.centre, [field.key]: value } })}
                            autoComplete="off"
                            error={fieldError(`${path}.centre.${field.key}`)}
                          />
                        ))}
                        <Select
                          label={`Country for ${row.location.name}`}
                          placeholder="Choose the country"
                          options={countryOptions(form.centre.countryCode)}
                          value={form.centre.countryCode}
                          onChange={(countryCode) => update(index, { centre: { ...form.centre, countryCode } })}
                          error={fieldError(`${path}.centre.countryCode`)}
                        />
                      </FormLayout>
                    ) : null}
                    <Checkbox
                      label={`${row.location.name} is an overseas warehouse`}
                      helpText="Your guarantee: items from an overseas warehouse cannot be returned to a local warehouse. Shoppers are told to send them only to this address, and a local warehouse's address is refused here."
                      checked={form.overseas}
                      onChange={(overseas) => update(index, { overseas })}
                      error={fieldError(`${path}.overseas`)}
                    />
                  </BlockStack>
                </Card>
              );
            })}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
