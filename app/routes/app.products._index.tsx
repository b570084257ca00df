import { useEffect, useRef, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, useNavigation } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Card,
  EmptySearchResult,
  EmptyState,
  IndexTable,
  Link,
  Modal,
  Page,
  Text,
  TextField,
  useIndexResourceState,
} from "@shopify/polaris";
import prisma from "../db.server";
import { formatter } from "../components/claim-page/format";
import { editorUrl, pickProducts } from "../components/product-picker";
import {
  changeProductOverrides,
  loadProductOverrideList,
  parseOverrideListParams,
  type OverridesChanged,
} from "../services/product-overrides.server";
import { authenticate } from "../shopify.server";
import { errorResponse, type ErrorBody } from "../utils/http.server";
import { withinBodyLimit } from "../utils/request-limits.server";
import { readJsonBody } from "../utils/request-input.server";
import { keepFormOnLostConnection, skipRevalidationAfterLostConnection } from "../utils/client-action";

// The products that follow their own rules: searched by title in the URL (reload and back keep
// it), paged, each row opening its editor; several rows can be edited together or removed.
// Not fetched again after a post lost with the connection (app/utils/client-action.ts).
export const shouldRevalidate = skipRevalidationAfterLostConnection;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  try {
    return await loadProductOverrideList(
      prisma,
      admin.graphql,
      session.shop,
      parseOverrideListParams(new URL(request.url)),
    );
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
    return errorResponse(error);
  }
};

const SEARCH_DELAY_MS = 300;
const listUrl = (q: string, page = 1) => {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/app/products?${query}` : "/app/products";
};

export default function ProductOverrides() {
  const list = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const navigation = useNavigation();
  const shopify = useAppBridge();
  const fetcher = useFetcher<OverridesChanged | ErrorBody>();
  const [query, setQuery] = useState(list.q);
  const [confirming, setConfirming] = useState(false);
  const searchTimer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => setQuery(list.q), [list.q]);
  useEffect(() => () => clearTimeout(searchTimer.current), []);
  const when = formatter(list.timezone);

  const rows = list.rows.map((row) => ({ ...row, id: row.productNumber }));
  const { selectedResources, allResourcesSelected, handleSelectionChange, clearSelection } =
    useIndexResourceState(rows);

  const settled = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = settled && "error" in settled ? settled.error : null;
  useEffect(() => {
    if (!settled || !("ok" in settled)) return;
    const products = settled.count === 1 ? "1 product" : `${settled.count} products`;
    shopify.toast.show(`${products} follow your shop policy again`);
    if (settled.notice) shopify.toast.show(settled.notice, { isError: true, duration: 10000 });
    setConfirming(false);
    clearSelection();
  }, [settled, shopify, clearSelection]);

  const onQueryChange = (value: string) => {
    setQuery(value);
    clearTimeout(searchTimer.current);
    searchTimer.current = setTimeout(() => navigate(listUrl(value.trim()), { replace: true }), SEARCH_DELAY_MS);
  };
  const addProducts = async () => {
    const picked = await pickProducts(shopify, []);
    if (picked.length > 0) navigate(editorUrl(picked));
  };
  const selected = allResourcesSelected ? rows.map((r) => r.id) : selectedResources;
  const selectedRows = rows.filter((r) => selected.includes(r.id));
  const removeSelected = () =>
    fetcher.submit(
      { intent: "remove", productIds: selectedRows.map((r) => r.productId) },
      { method: "post", encType: "application/json" },
    );

  const empty =
    list.total === 0 && !list.q ? (
      <EmptyState
        heading="Every product follows your shop policy"
        action={{ content: "Pick products", onAction: () => void addProducts() }}
        secondaryAction={{ content: "Review your shop policy", url: "/app/settings" }}
        image="/empty-state-products.svg"
      >
        <Text as="p">
          Add an override when a product needs its own warranty period, a different window for reporting damage on
          arrival, or a list of parts that must come back with a return, such as a charger or a battery.
        </Text>
      </EmptyState>
    ) : (
      <EmptySearchResult
        title={`No products match “${list.q}”`}
        description="Search by product title, or pick products to give them their own rules."
        withIllustration
      />
    );

  return (
    <Page
      title="Products"
      subtitle="Products that follow different claim rules than your shop policy"
      primaryAction={{ content: "Add products", onAction: () => void addProducts() }}
    >
      <BlockStack gap="400">
        {error ? (
          <Banner
            tone="critical"
            title="The overrides were not removed"
            onDismiss={() => fetcher.load(listUrl(list.q))}
          >
            <p>{error.message}</p>
          </Banner>
        ) : null}
        <Card padding="0">
          <div style={{ padding: "12px" }}>
            <TextField
              label="Search products"
              labelHidden
              placeholder="Search products by title"
              value={query}
              onChange={onQueryChange}
              clearButton
              onClearButtonClick={() => onQueryChange("")}
              autoComplete="off"
            />
          </div>
          <IndexTable
            resourceName={{ singular: "product", plural: "products" }}
            itemCount={rows.length}
            selectedItemsCount={allResourcesSelected ? "All" : selectedResources.length}
            onSelectionChange={handleSelectionChange}
            loading={navigation.state === "loading" && navigation.location.pathname === "/app/products"}
            emptyState={empty}
            headings={[
              { title: "Product" },
              { title: "Overrides" },
              { title: "Parts", alignment: "end" },
              { title: "Updated" },
            ]}
            promotedBulkActions={[
              { content: "Edit rules together", onAction: () => navigate(editorUrl(selectedRows.map((r) => r.id))) },
              { content: "Remove overrides", onAction: () => setConfirming(true) },
            ]}
            pagination={
              list.page > 1 || list.hasNext
                ? {
                    hasPrevious: list.page > 1,
                    hasNext: list.hasNext,
                    onPrevious: () => navigate(listUrl(list.q, list.page - 1)),
                    onNext: () => navigate(listUrl(list.q, list.page + 1)),
                  }
                : undefined
            }
          >
            {rows.map((row, index) => (
              <IndexTable.Row id={row.id} key={row.id} position={index} selected={selected.includes(row.id)}>
                <IndexTable.Cell>
                  <Link url={editorUrl([row.id])} monochrome removeUnderline dataPrimaryLink>
                    <Text as="span" fontWeight="semibold">
                      {row.title ?? `Product ${row.productNumber}`}
                    </Text>
                  </Link>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span">{row.overrides.length > 0 ? row.overrides.join(" · ") : "Nothing overridden"}</Text>
                </IndexTable.Cell>
                <IndexTable.Cell>
                  <Text as="span" alignment="end" numeric>
                    {row.componentsCount === null ? "Shop policy" : row.componentsCount}
                  </Text>
                </IndexTable.Cell>
                <IndexTable.Cell>{when(row.updatedAt)}</IndexTable.Cell>
              </IndexTable.Row>
            ))}
          </IndexTable>
        </Card>
      </BlockStack>
      <Modal
        open={confirming}
        onClose={() => setConfirming(false)}
        title={
          selectedRows.length === 1 ? "Remove this product's override?" : `Remove ${selectedRows.length} overrides?`
        }
        primaryAction={{
          content: "Remove overrides",
          destructive: true,
          onAction: removeSelected,
          loading: fetcher.state !== "idle",
        }}
        secondaryActions={[{ content: "Cancel", onAction: () => setConfirming(false) }]}
      >
        <Modal.Section>
          <BlockStack gap="200">
            <Text as="p">
              {selectedRows.map((r) => r.title ?? `Product ${r.productNumber}`).join(", ")} will follow your shop policy
              again for new claims. Open claims keep the rules they were filed under.
            </Text>
            <Text as="p">In Shopify, the Warranty Desk rules saved on each product are cleared.</Text>
          </BlockStack>
        </Modal.Section>
      </Modal>
    </Page>
  );
}
