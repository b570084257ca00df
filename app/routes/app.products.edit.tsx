import { useEffect, useMemo, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate } from "@remix-run/react";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Card, Layout, List, Modal, Page, Text } from "@shopify/polaris";
import prisma from "../db.server";
import { OverrideForm, toDraft, toOverrideInput, type Draft } from "../components/override-form";
import { editorUrl, pickProducts, productNumber } from "../components/product-picker";
import { useLeaveConfirmation } from "../components/use-leave-confirmation";
import {
  changeProductOverrides,
  loadOverrideEditor,
  parseEditorParams,
  type OverridesChanged,
} from "../services/product-overrides.server";
import { authenticate } from "../shopify.server";
import { errorResponse, type ErrorBody } from "../utils/http.server";
import { withinBodyLimit } from "../utils/request-limits.server";
import { readJsonBody } from "../utils/request-input.server";
import { keepFormOnLostConnection, skipRevalidationAfterLostConnection } from "../utils/client-action";

export const meta: MetaFunction = () => [{ title: "Product rules · Warranty Desk" }];

// One override for one or several products (?product=123&product=456): saving gives each of them
// these rules (bulk apply) and mirrors them into each product's metafield in Shopify.
// Not fetched again after a post lost with the connection (app/utils/client-action.ts).
export const shouldRevalidate = skipRevalidationAfterLostConnection;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  try {
    const productIds = parseEditorParams(new URL(request.url));
    return await loadOverrideEditor(prisma, admin.graphql, session.shop, productIds);
  } catch (error) {
    throw errorResponse(error);
  }
};

// A post lost with the connection keeps the page and what was typed (app/utils/client-action.ts).
export const clientAction = keepFormOnLostConnection;

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  try {
    const body = await readJsonBody(await withinBodyLimit(request, "api"));
    return await changeProductOverrides(prisma, admin.graphql, session.shop, body);
  } catch (error) {
    // Returned, not thrown: the form keeps what the merchant typed and shows what to fix.
    return errorResponse(error);
  }
};

const SAVE_BAR_ID = "product-override-save-bar";

export default function ProductOverrideEditor() {
  const editor = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const shopify = useAppBridge();
  const fetcher = useFetcher<OverridesChanged | ErrorBody>();
  const initial = useMemo(() => toDraft(editor.override), [editor.override]);
  // The draft survives a change of products (same route, same component): nothing typed is lost.
  const [draft, setDraft] = useState<Draft>(initial);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(initial);
  const { leaveWithoutAsking } = useLeaveConfirmation(dirty);
  const productIds = editor.products.map((p) => p.id);
  const withOverride = editor.products.filter((p) => p.hasOverride);
  const names = editor.products.map((p) => p.title).join(", ");

  const settled = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = settled && "error" in settled ? settled.error : null;
  const fieldError = error?.field?.startsWith("override.") ? { field: error.field, message: error.message } : null;
  useEffect(() => {
    if (!settled || !("ok" in settled)) return;
    const products = settled.count === 1 ? "1 product" : `${settled.count} products`;
    shopify.toast.show(
      settled.intent === "save" ? `Rules saved for ${products}` : `${products} follow your shop policy again`,
    );
    if (settled.notice) shopify.toast.show(settled.notice, { isError: true, duration: 10000 });
    setConfirmRemove(false);
    leaveWithoutAsking();
    navigate("/app/products");
  }, [settled, shopify, navigate, leaveWithoutAsking]);

  const save = () =>
    fetcher.submit(
      // JSON, as the action reads it (Remix's JsonValue type does not know `unknown`).
      { intent: "save", productIds, override: toOverrideInput(draft, editor.currencyCode) } as never,
      { method: "post", encType: "application/json" },
    );
  const remove = () =>
    fetcher.submit(
      { intent: "remove", productIds: withOverride.map((p) => p.id) },
      { method: "post", encType: "application/json" },
    );
  const changeProducts = async () => {
    const picked = await pickProducts(shopify, productIds);
    if (picked.length > 0) navigate(editorUrl(picked), { replace: true });
  };
  const saving = fetcher.state !== "idle";
  const title = editor.products.length === 1 ? editor.products[0]!.title : `${editor.products.length} products`;

  return (
    <Page
      backAction={{ content: "Products", url: "/app/products" }}
      title={title}
      subtitle="Rules that differ from your shop policy; everything else follows the shop policy."
      primaryAction={{ content: "Save", onAction: save, loading: saving, disabled: editor.products.length === 0 }}
      secondaryActions={[
        { content: "Change products", onAction: () => void changeProducts() },
        ...(withOverride.length > 0
          ? [{ content: "Remove override", destructive: true, onAction: () => setConfirmRemove(true) }]
          : []),
      ]}
    >
      <SaveBar id={SAVE_BAR_ID} open={dirty && !saving}>
        {/* eslint-disable-next-line react/no-unknown-property -- App Bridge's Save is the primary button */}
        <button variant="primary" onClick={save} disabled={saving}>
          Save
        </button>
        <button onClick={() => setDraft(initial)}>Discard</button>
      </SaveBar>
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {error && !fieldError ? (
              <Banner tone="critical" title="The rules were not saved">
                <p>{error.message}</p>
              </Banner>
            ) : null}
            {fieldError ? (
              <Banner tone="critical" title="Check the marked field">
                <p>{fieldError.message} Fix it and save again; everything else you changed is kept.</p>
              </Banner>
            ) : null}
            {editor.missing.length > 0 ? (
              <Banner tone="warning" title="Some products are not in your store">
                <p>
                  {`Product ${editor.missing.map(productNumber).join(", ")} may have been deleted; they are left out.`}
                </p>
              </Banner>
            ) : null}
            {editor.mixed ? (
              <Banner tone="info" title="These products have different rules now">
                <p>Saving gives all of them the rules below and replaces what each had.</p>
              </Banner>
            ) : null}
            <OverrideForm
              draft={draft}
              onChange={setDraft}
              shopPolicy={editor.shopPolicy}
              currencyCode={editor.currencyCode}
              fieldError={fieldError}
            />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                {editor.products.length === 1 ? "Product" : "Products"}
              </Text>
              <List>
                {editor.products.map((p) => (
                  <List.Item key={p.id}>{`${p.title}${p.hasOverride ? "" : " (shop policy now)"}`}</List.Item>
                ))}
              </List>
              <Text as="p" tone="subdued">
                Saving applies to new claims; open claims keep the rules they were filed under. In Shopify, the rules
                are saved on each product as its Warranty Desk metafield.
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
      <Modal
        open={confirmRemove}
        onClose={() => setConfirmRemove(false)}
        title="Remove the override?"
        primaryAction={{ content: "Remove override", destructive: true, onAction: remove, loading: saving }}
        secondaryActions={[{ content: "Cancel", onAction: () => setConfirmRemove(false) }]}
      >
        <Modal.Section>
          <Text as="p">
            {`${withOverride.map((p) => p.title).join(", ") || names} will follow your shop policy again for new claims. In Shopify, the Warranty Desk rules saved on the product are cleared.`}
          </Text>
        </Modal.Section>
      </Modal>
    </Page>
  );
}
