import { useEffect, useState } from "react";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  BlockStack,
  Box,
  Button,
  Card,
  DataTable,
  InlineGrid,
  InlineStack,
  Layout,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { BarChart, PolarisVizProvider } from "@shopify/polaris-viz";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import prisma from "../db.server";
import { CLAIM_STATUS_LABELS } from "../components/claim-labels";
import { formatMoney } from "../components/claim-page/format";
import { CLAIM_STATUSES } from "../domain/claim-lifecycle/claim-status";
import { perMille, type MoneyByCurrency, type Ratio } from "../domain/numbers/claim-numbers";
import { formatAmount, money } from "../domain/money";
import { HOUR_MS } from "../domain/time";
import { loadClaimNumbers, parseNumbersParams, type ClaimNumbersView } from "../services/claim-numbers.server";
import { authenticate } from "../shopify.server";
import { errorResponse } from "../utils/http.server";
import { skipRevalidationAfterLostConnection } from "../utils/client-action";

export const meta: MetaFunction = () => [{ title: "Numbers · Warranty Desk" }];
export const links = () => [{ rel: "stylesheet", href: polarisVizStyles }];

// The numbers that show product quality and how fast the shop answers, over a period of the shop's
// days and for one warehouse or all, with the claims of that period as a CSV download.
// Not fetched again after a post lost with the connection (app/utils/client-action.ts).
export const shouldRevalidate = skipRevalidationAfterLostConnection;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  try {
    const params = parseNumbersParams(new URL(request.url));
    return await loadClaimNumbers(prisma, admin.graphql, session.shop, params, new Date());
  } catch (error) {
    throw errorResponse(error);
  }
};

const percent = (ratio: Ratio) => {
  const value = perMille(ratio);
  return value === null ? "–" : `${(value / 10).toFixed(1)}%`;
};

function duration(ms: number | null): string {
  if (ms === null) return "–";
  const hours = Math.round(ms / (HOUR_MS / 10)) / 10;
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} d ${Math.round(hours % 24)} h`;
}

function amounts(totals: MoneyByCurrency): string {
  const entries = Object.entries(totals).sort(([a], [b]) => a.localeCompare(b));
  if (entries.length === 0) return "–";
  return entries
    .map(([currencyCode, minor]) => formatMoney({ amount: formatAmount(money(minor, currencyCode)), currencyCode }))
    .join(" + ");
}

function Figure({ label, value, help }: { label: string; value: string; help?: string }) {
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="h2" variant="headingSm" tone="subdued">
          {label}
        </Text>
        <Text as="p" variant="heading2xl">
          {value}
        </Text>
        {help ? (
          <Text as="p" variant="bodySm" tone="subdued">
            {help}
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

/**
 * Charts draw in the browser only (they measure the page). Screen readers get the chart's figures
 * as its label (and as text beside it); the drawing itself is hidden from them, as polaris-viz's
 * SVG list has no list items they could read.
 */
function ClientChart({ children, label }: { children: React.ReactNode; label: string }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return (
    <div role="img" aria-label={label} style={{ height: 240 }}>
      <div aria-hidden="true" style={{ height: "100%" }}>
        {mounted ? <PolarisVizProvider>{children}</PolarisVizProvider> : null}
      </div>
    </div>
  );
}

function filename(response: Response): string {
  return /filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "claims.csv";
}

function useCsvDownload(query: string) {
  const shopify = useAppBridge();
  const [busy, setBusy] = useState(false);
  // In the embedded admin a plain link carries no session token: App Bridge's fetch adds it, and
  // the file is saved from a Blob.
  const download = async () => {
    setBusy(true);
    try {
      const response = await fetch(`/app/numbers/export.csv${query ? `?${query}` : ""}`);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const url = URL.createObjectURL(await response.blob());
      const link = document.createElement("a");
      link.href = url;
      link.download = filename(response);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      shopify.toast.show("Claims exported as CSV");
    } catch {
      shopify.toast.show("The export did not download. Check your connection and try again.", { isError: true });
    } finally {
      setBusy(false);
    }
  };
  return { download, busy };
}

export default function Numbers() {
  const view = useLoaderData<typeof loader>() as ClaimNumbersView;
  const navigation = useNavigation();
  const { report } = view;
  const query = new URLSearchParams({
    from: view.period.from,
    to: view.period.to,
    ...(view.warehouse ? { warehouse: view.warehouse } : {}),
  }).toString();
  const csv = useCsvDownload(query);
  const [from, setFrom] = useState(view.period.from);
  const [to, setTo] = useState(view.period.to);
  const [warehouse, setWarehouse] = useState(view.warehouse ?? "");
  useEffect(() => {
    setFrom(view.period.from);
    setTo(view.period.to);
    setWarehouse(view.warehouse ?? "");
  }, [view.period.from, view.period.to, view.warehouse]);

  const open = CLAIM_STATUSES.flatMap((status) =>
    report.openByStatus[status] ? [{ status, count: report.openByStatus[status] }] : [],
  );
  const openTotal = open.reduce((n, s) => n + s.count, 0);
  const warehouseName = view.warehouses.find((w) => w.id === view.warehouse)?.name ?? "all warehouses";

  return (
    <Page
      title="Numbers"
      subtitle={`Claims filed ${view.period.from} to ${view.period.to} (${view.timeZone}), ${warehouseName}`}
      primaryAction={{
        content: "Download claims (CSV)",
        onAction: csv.download,
        loading: csv.busy,
        accessibilityLabel: `Download claims (CSV) filed ${view.period.from} to ${view.period.to}`,
      }}
    >
      <Layout>
        <Layout.Section>
          <Card>
            <Form method="get" aria-label="Period and warehouse">
              <InlineStack gap="300" blockAlign="end" wrap>
                <TextField
                  label="From"
                  type="date"
                  name="from"
                  value={from}
                  onChange={setFrom}
                  autoComplete="off"
                  max={to}
                />
                <TextField label="To" type="date" name="to" value={to} onChange={setTo} autoComplete="off" min={from} />
                <Select
                  label="Warehouse"
                  name="warehouse"
                  value={warehouse}
                  onChange={setWarehouse}
                  options={[
                    { label: "All warehouses", value: "" },
                    ...view.warehouses.map((w) => ({ label: w.name, value: w.id })),
                  ]}
                />
                <Button submit loading={navigation.state === "loading"}>
                  Show numbers
                </Button>
              </InlineStack>
            </Form>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="400">
            <Figure
              label="Claims filed"
              value={String(report.claims)}
              help={`${openTotal} still open · ${report.unitsDelivered} units delivered`}
            />
            <Figure
              label="Response time"
              value={`${duration(report.response.p50Ms)} median`}
              help={`90% within ${duration(report.response.p90Ms)} · ${report.response.answered} responses`}
            />
            <Figure
              label="Answered within the promise"
              value={percent(report.response.withinPromise)}
              help={`${report.response.withinPromise.numerator} of ${report.response.withinPromise.denominator} (overdue claims count as missed)`}
            />
            <Figure
              label="Arrival problems"
              value={percent(report.arrivalProblemRate)}
              help={`${report.arrivalProblemRate.numerator} of ${report.arrivalProblemRate.denominator} units delivered`}
            />
          </InlineGrid>
        </Layout.Section>

        <Layout.Section variant="oneHalf">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Open claims by status
              </Text>
              {open.length === 0 ? (
                <Text as="p" tone="subdued">
                  No claim filed in this period is still open.
                </Text>
              ) : (
                <>
                  <ClientChart label={open.map((s) => `${CLAIM_STATUS_LABELS[s.status].label}: ${s.count}`).join(", ")}>
                    <BarChart
                      direction="horizontal"
                      showLegend={false}
                      data={[
                        {
                          name: "Open claims",
                          data: open.map((s) => ({ key: CLAIM_STATUS_LABELS[s.status].label, value: s.count })),
                        },
                      ]}
                    />
                  </ClientChart>
                  <DataTable
                    columnContentTypes={["text", "numeric"]}
                    headings={["Status", "Open claims"]}
                    rows={open.map((s) => [CLAIM_STATUS_LABELS[s.status].label, s.count])}
                  />
                </>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>

        <Layout.Section variant="oneHalf">
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Days from delivery to failure
              </Text>
              <Text as="p" tone="subdued">
                Warranty claims: whole days from the item&apos;s delivery to the shopper&apos;s report.
                {report.daysToFailure.unknown > 0
                  ? ` ${report.daysToFailure.unknown} item(s) without a known delivery date are left out.`
                  : ""}
              </Text>
              {report.daysToFailure.count === 0 ? (
                <Text as="p" tone="subdued">
                  No warranty claim in this period has a known delivery date.
                </Text>
              ) : (
                <>
                  <Text as="p">
                    Median {report.daysToFailure.medianDays} days · 90% within {report.daysToFailure.p90Days} days
                  </Text>
                  <ClientChart label={report.daysToFailure.buckets.map((b) => `${b.label}: ${b.count}`).join(", ")}>
                    <BarChart
                      showLegend={false}
                      yAxisOptions={{ integersOnly: true }}
                      data={[
                        {
                          name: "Warranty claims",
                          data: report.daysToFailure.buckets.map((b) => ({ key: b.label, value: b.count })),
                        },
                      ]}
                    />
                  </ClientChart>
                </>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>

        <Layout.Section>
          <Card padding="0">
            <Box padding="400">
              <BlockStack gap="100">
                <Text as="h2" variant="headingMd">
                  Claims per product
                </Text>
                <Text as="p" tone="subdued">
                  Units claimed against units delivered in the period (a unit without a delivery date counts on the day
                  it shipped). Refunds are in each order&apos;s currency, never converted: {amounts(report.refunded)}{" "}
                  refunded in all.
                </Text>
              </BlockStack>
            </Box>
            {report.products.length === 0 ? (
              <Box padding="400">
                <Text as="p" tone="subdued">
                  No claims in this period. Choose a longer period or another warehouse.
                </Text>
              </Box>
            ) : (
              <DataTable
                columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric", "text"]}
                headings={[
                  "Product",
                  "Units delivered",
                  "Claims",
                  "Units claimed",
                  "Claimed per delivered",
                  "Arrival",
                  "Warranty",
                  "Refunded",
                ]}
                rows={report.products.map((p) => [
                  p.title ?? p.productId,
                  p.unitsDelivered,
                  p.claims,
                  p.unitsClaimed,
                  percent({ numerator: p.unitsClaimed, denominator: p.unitsDelivered }),
                  p.arrivalUnits,
                  p.warrantyUnits,
                  amounts(p.refunded),
                ])}
              />
            )}
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
