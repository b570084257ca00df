import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  EmptyState,
  InlineStack,
  Layout,
  Link,
  List,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import prisma from "../db.server";
import { CLAIM_PROBLEM_LABELS, CLAIM_TYPE_LABELS, EVIDENCE_KIND_LABELS } from "../components/claim-labels";
import { CLAIM_REASON_WORDS, FLAG_WORDS, listWords } from "../components/claim-page/decision-words";
import { formatter, type When } from "../components/claim-page/format";
import { EvidenceSummary, ItemEvaluation } from "../components/claim-page/item-evaluation";
import {
  PROBLEMS_BY_CLAIM_TYPE,
  RESOLUTIONS_BY_CLAIM_TYPE,
  type ClaimAnswers,
  type ClaimProblem,
  type PreferredResolution,
} from "../domain/evaluate-claim-schema";
import type { EvidenceKind } from "../domain/policy/policy-schema";
import type { ClaimType } from "../domain/policy/resolve-policy";
import {
  loadPolicyTester,
  parseTesterParams,
  runPolicyTest,
  type PolicyTestResult,
} from "../services/policy-tester.server";
import { authenticate } from "../shopify.server";
import { errorResponse, type ErrorBody } from "../utils/http.server";
import { readJsonBody } from "../utils/request-input.server";
import { withinBodyLimit } from "../utils/request-limits.server";
import { keepFormOnLostConnection, skipRevalidationAfterLostConnection } from "../utils/client-action";

export const meta: MetaFunction = () => [{ title: "Policy tester · Warranty Desk" }];

const EMPTY_STATE_IMAGE = "/empty-state-claims.svg";
// The empty state's illustration is the page's largest paint (LCP) until an order is picked: asked
// for first, ahead of the page's scripts, which otherwise take every connection to the server.
// (React 18 passes the lowercase attribute through as it is.)
export const links = () => [{ rel: "preload", as: "image", href: EMPTY_STATE_IMAGE, fetchpriority: "high" }];

// The policy tester: search an order by name (in the URL, so reload and back keep it), pick its
// items and describe a claim; the policy engine answers as it would answer the shopper. No claim
// is created.
// Not fetched again after a post lost with the connection (app/utils/client-action.ts).
export const shouldRevalidate = skipRevalidationAfterLostConnection;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session, admin } = await authenticate.admin(request);
  try {
    const params = parseTesterParams(new URL(request.url));
    return await loadPolicyTester(prisma, admin.graphql, session.shop, params, new Date());
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
    return { result: await runPolicyTest(prisma, admin.graphql, session.shop, body, new Date()) };
  } catch (error) {
    // Returned, not thrown: the form keeps what the merchant chose and shows what to do.
    return errorResponse(error);
  }
};

type LoaderData = Awaited<ReturnType<typeof loadPolicyTester>>;
type TesterOrder = NonNullable<LoaderData["order"]>;

const EXCLUSION_QUESTIONS: [keyof Omit<ClaimAnswers, "problemFirstNoticedAt">, string][] = [
  ["firmwareFlashed", "Flashed other firmware"],
  ["bodyOpened", "Opened the body"],
  ["partsModified", "Modified, removed or swapped parts"],
  ["unintendedUse", "Used it other than intended"],
  ["continuedUseAfterFault", "Kept using it after the fault"],
  ["accidentalDamage", "Damaged it by accident"],
];
const EVIDENCE_KINDS = Object.keys(EVIDENCE_KIND_LABELS) as EvidenceKind[];
const RESOLUTION_WORDS: Record<PreferredResolution, string> = {
  refund: "A refund",
  replacement: "A replacement",
  repair: "A repair",
};
const SHIPPING_WORDS = {
  merchant: "you pay the return shipping",
  customer: "the shopper pays the return shipping",
  decided_on_review: "who pays the return shipping is decided on review",
} as const;

function OrderSearch({ data }: { data: LoaderData }) {
  const navigation = useNavigation();
  const [q, setQ] = useState(data.q);
  useEffect(() => setQ(data.q), [data.q]);
  const searching = navigation.state === "loading" && navigation.location.pathname === "/app/policy-tester";
  const placedOn = formatter(data.resultsTimezone ?? "UTC");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Order
        </Text>
        <Form method="get" action="/app/policy-tester">
          <InlineStack gap="200" blockAlign="end" wrap={false}>
            <Box width="100%">
              <TextField
                label="Order name"
                name="q"
                value={q}
                onChange={setQ}
                placeholder="#1001"
                autoComplete="off"
                helpText="Orders of the last 60 days that Shopify shows, by their name."
              />
            </Box>
            <Button submit loading={searching}>
              Search
            </Button>
          </InlineStack>
        </Form>
        {data.results === null ? null : data.results.length === 0 ? (
          <Text as="p" tone="subdued">
            {`No order is named “${data.q}”. Check the name on the order in Shopify, for example #1001.`}
          </Text>
        ) : (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              {`${data.results.length} ${data.results.length === 1 ? "order" : "orders"} found`}
            </Text>
            <List type="bullet">
              {data.results.map((order) => (
                <List.Item key={order.id}>
                  <Link url={`/app/policy-tester?${new URLSearchParams({ q: data.q, orderId: order.id })}`}>
                    {order.name}
                  </Link>
                  {` · ${order.customerName ?? "No customer"} · placed ${placedOn(order.processedAt)}`}
                  {data.order?.orderId === order.id ? " (picked)" : ""}
                </List.Item>
              ))}
            </List>
          </BlockStack>
        )}
      </BlockStack>
    </Card>
  );
}

interface ClaimForm {
  type: ClaimType;
  problem: ClaimProblem;
  quantities: Record<string, number>;
  evidence: EvidenceKind[];
  exclusions: string[];
  noticedOn: string;
  preferredResolution: PreferredResolution | "none";
}

function windowText(item: TesterOrder["items"][number], when: When): string {
  const arrival = item.arrival.windowEndsAt
    ? `Arrival claims ${item.arrival.open ? "until" : "ended"} ${when(item.arrival.windowEndsAt)}`
    : "No arrival claims";
  const warranty = item.warranty.windowEndsAt
    ? `warranty ${item.warranty.open ? "until" : "ended"} ${when(item.warranty.windowEndsAt)}`
    : "no warranty";
  return `${arrival} · ${warranty}`;
}

function ClaimFormCard({
  order,
  submitting,
  onTest,
}: {
  order: TesterOrder;
  submitting: boolean;
  onTest: (body: unknown) => void;
}) {
  const when = formatter(order.timezone);
  const [form, setForm] = useState<ClaimForm>({
    type: "arrival",
    problem: "damaged",
    quantities: {},
    evidence: ["issue_photo", "shipping_label_photo", "packaging_photo"],
    exclusions: [],
    noticedOn: "",
    preferredResolution: "refund",
  });
  // Another order picked: start its form afresh.
  useEffect(() => setForm((f) => ({ ...f, quantities: {} })), [order.orderId]);
  const set = (change: Partial<ClaimForm>) => setForm((f) => ({ ...f, ...change }));
  const picked = order.items.filter((item) => (form.quantities[item.lineItemId] ?? 0) > 0);
  const resolutions = RESOLUTIONS_BY_CLAIM_TYPE[form.type];
  // What the picked items' policies offer: the others stay pickable, to see the engine refuse them.
  const offered = resolutions.filter((r) =>
    (picked.length > 0 ? picked : order.items).every((item) => item[form.type].resolutions.includes(r)),
  );
  const submit = () =>
    onTest({
      orderId: order.orderId,
      type: form.type,
      problem: form.problem,
      items: picked.map((item) => ({ lineItemId: item.lineItemId, quantity: form.quantities[item.lineItemId] })),
      evidence: form.evidence,
      // The shopper's form asks the exclusion questions of warranty claims only.
      answers:
        form.type === "warranty"
          ? {
              ...Object.fromEntries(form.exclusions.map((key) => [key, true])),
              ...(form.noticedOn ? { problemFirstNoticedAt: `${form.noticedOn}T12:00:00.000Z` } : {}),
            }
          : {},
      preferredResolution: form.preferredResolution === "none" ? null : form.preferredResolution,
    });
  return (
    <Card>
      <BlockStack gap="400">
        <BlockStack gap="100">
          <Text as="h2" variant="headingMd">
            {`Claim on ${order.orderName ?? "the order"}`}
          </Text>
          <Text as="p" tone="subdued">
            {`Windows as of now, in the shop's time (${order.timezone}).`}
          </Text>
        </BlockStack>
        <BlockStack gap="200">
          <Text as="h3" variant="headingSm">
            Items
          </Text>
          {order.items.length === 0 ? (
            <Text as="p" tone="subdued">
              Nothing on this order can be claimed: it has no shipped product.
            </Text>
          ) : null}
          {order.items.map((item) => {
            const quantity = form.quantities[item.lineItemId] ?? 0;
            const label = item.name ?? "Item";
            return (
              <BlockStack gap="100" key={item.lineItemId}>
                <InlineStack gap="300" blockAlign="center">
                  <Checkbox
                    label={label}
                    checked={quantity > 0}
                    onChange={(checked) =>
                      set({ quantities: { ...form.quantities, [item.lineItemId]: checked ? 1 : 0 } })
                    }
                  />
                  {quantity > 0 ? (
                    <Box width="7rem">
                      <TextField
                        label={`Units of ${label}`}
                        labelHidden
                        type="number"
                        min={1}
                        value={String(quantity)}
                        onChange={(value) =>
                          set({
                            quantities: { ...form.quantities, [item.lineItemId]: Math.max(1, Number(value) || 1) },
                          })
                        }
                        autoComplete="off"
                        suffix="units"
                      />
                    </Box>
                  ) : null}
                </InlineStack>
                <Box paddingInlineStart="600">
                  <Text as="p" tone="subdued" variant="bodySm">
                    {`${item.claimableQuantity} claimable · ${windowText(item, when)}`}
                  </Text>
                </Box>
              </BlockStack>
            );
          })}
        </BlockStack>
        <ChoiceList
          title="Claim type"
          choices={(["arrival", "warranty"] as const).map((type) => ({
            label: type === "arrival" ? "Arrival: a problem on delivery" : "Warranty: a fault later",
            value: type,
          }))}
          selected={[form.type]}
          onChange={([type]) => {
            const next = type === "warranty" ? "warranty" : "arrival";
            const allowed = RESOLUTIONS_BY_CLAIM_TYPE[next];
            set({
              type: next,
              problem: PROBLEMS_BY_CLAIM_TYPE[next][0]!,
              preferredResolution:
                form.preferredResolution !== "none" && allowed.includes(form.preferredResolution)
                  ? form.preferredResolution
                  : "none",
            });
          }}
        />
        <Select
          label="Problem"
          options={PROBLEMS_BY_CLAIM_TYPE[form.type].map((problem) => ({
            label: CLAIM_PROBLEM_LABELS[problem],
            value: problem,
          }))}
          value={form.problem}
          onChange={(problem) => set({ problem: problem as ClaimProblem })}
        />
        <Select
          label="The shopper asks for"
          options={[
            { label: "Nothing chosen", value: "none" },
            ...resolutions.map((r) => ({
              label: offered.includes(r) ? RESOLUTION_WORDS[r] : `${RESOLUTION_WORDS[r]} (not offered)`,
              value: r,
            })),
          ]}
          value={form.preferredResolution}
          onChange={(value) => set({ preferredResolution: value as ClaimForm["preferredResolution"] })}
        />
        <ChoiceList
          allowMultiple
          title="The shopper attaches"
          choices={EVIDENCE_KINDS.map((kind) => ({ label: EVIDENCE_KIND_LABELS[kind], value: kind }))}
          selected={form.evidence}
          onChange={(evidence) => set({ evidence: evidence as EvidenceKind[] })}
        />
        {form.type === "warranty" ? (
          <BlockStack gap="300">
            <ChoiceList
              allowMultiple
              title="The shopper answers yes to"
              choices={EXCLUSION_QUESTIONS.map(([key, label]) => ({ label, value: key }))}
              selected={form.exclusions}
              onChange={(exclusions) => set({ exclusions })}
            />
            <TextField
              label="First noticed the problem on"
              type="date"
              value={form.noticedOn}
              onChange={(noticedOn) => set({ noticedOn })}
              autoComplete="off"
              helpText="Leave empty if the shopper did not say."
            />
          </BlockStack>
        ) : null}
        <InlineStack align="end">
          <Button variant="primary" onClick={submit} loading={submitting} disabled={picked.length === 0}>
            Test the claim
          </Button>
        </InlineStack>
        {picked.length === 0 && order.items.length > 0 ? (
          <Text as="p" tone="subdued" alignment="end">
            Pick at least one item to test a claim.
          </Text>
        ) : null}
      </BlockStack>
    </Card>
  );
}

function ResultCard({ result }: { result: PolicyTestResult }) {
  const when = formatter(result.timezone);
  return (
    <section aria-labelledby="policy-test-result">
      <Card>
        <BlockStack gap="400">
          <InlineStack align="space-between" blockAlign="center" gap="200">
            <Text as="h2" variant="headingMd" id="policy-test-result">
              What your policy answers
            </Text>
            {result.eligible ? <Badge tone="success">Eligible</Badge> : <Badge tone="critical">Not eligible</Badge>}
          </InlineStack>
          <Text as="p" tone="subdued">
            {`${CLAIM_TYPE_LABELS[result.type]} claim (${CLAIM_PROBLEM_LABELS[result.problem].toLowerCase()}) on ${result.orderName ?? "the order"}, checked now against your policy and the products' rules. No claim was created.`}
          </Text>
          {result.reasons.length > 0 ? (
            <BlockStack gap="100">
              <Text as="h3" variant="headingSm">
                Reasons
              </Text>
              <List type="bullet">
                {result.reasons.map((reason) => (
                  <List.Item key={reason}>{CLAIM_REASON_WORDS[reason]}</List.Item>
                ))}
              </List>
            </BlockStack>
          ) : null}
          <BlockStack gap="200">
            <Text as="h3" variant="headingSm">
              Items and windows
            </Text>
            {result.items.map((item) => (
              <ItemEvaluation
                key={item.lineItemId}
                title={item.name ?? "Item"}
                headingAs="h4"
                item={item}
                when={when}
              />
            ))}
          </BlockStack>
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              Flags
            </Text>
            {result.flags.length === 0 ? (
              <Text as="p" tone="subdued">
                No flags.
              </Text>
            ) : (
              <List type="bullet">
                {result.flags.map((flag) => (
                  <List.Item key={flag}>
                    {FLAG_WORDS[flag]}
                    {flag === "late_report"
                      ? ` — reported more than ${result.reportWithinDaysOfNotice} days after first noticed`
                      : ""}
                  </List.Item>
                ))}
              </List>
            )}
            {result.flags.some((flag) => flag !== "delivery_date_estimated") ? (
              <Text as="p" tone="subdued">
                {result.exclusionHandling === "review"
                  ? "Your policy leaves exclusions to your review: the claim is filed and you decide."
                  : "Your policy denies claims with exclusions."}
              </Text>
            ) : null}
          </BlockStack>
          <EvidenceSummary required={result.evidenceRequired} missing={result.missingEvidence} tense="present" />
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              If it were filed now
            </Text>
            <List type="bullet">
              <List.Item>{`You would respond by ${when(result.responseDueAt)}.`}</List.Item>
              <List.Item>
                {result.resolutions.length === 0
                  ? "These items' policies offer no resolution in common: the shopper must claim them apart."
                  : `The shopper can ask for ${listWords(result.resolutions.map((r) => RESOLUTION_WORDS[r].toLowerCase()))}; a replacement out of stock ${result.outOfStockFallback === "refund" ? "is refunded" : "waits for your choice"}.`}
              </List.Item>
              <List.Item>
                {result.returnRequired
                  ? `A return is required; ${SHIPPING_WORDS[result.returnShippingPaidBy]}.`
                  : "No return is required."}
              </List.Item>
              {result.returnRequired
                ? result.returnTo.map((destination) => (
                    <List.Item key={destination.locationId}>
                      {`${listWords(destination.items)} would go back to ${destination.warehouse ?? "the warehouse that shipped it"}.`}
                    </List.Item>
                  ))
                : null}
            </List>
          </BlockStack>
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              The shopper is told
            </Text>
            {result.shopperSees.length === 0 ? (
              <Text as="p" tone="subdued">
                {result.eligible ? "Nothing stops them: they can submit the claim." : "No message."}
              </Text>
            ) : (
              <List type="bullet">
                {result.shopperSees.map((message) => (
                  <List.Item key={message}>{message}</List.Item>
                ))}
              </List>
            )}
          </BlockStack>
        </BlockStack>
      </Card>
    </section>
  );
}

type ActionData = { result: PolicyTestResult } | ErrorBody;

export default function PolicyTester() {
  const data = useLoaderData<typeof loader>();
  const fetcher = useFetcher<ActionData>();
  const settled = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = settled && "error" in settled ? settled.error : null;
  const result =
    settled && "result" in settled && settled.result.orderId === data.order?.orderId ? settled.result : null;
  const test = (body: unknown) =>
    fetcher.submit(body as Record<string, never>, { method: "post", encType: "application/json" });
  return (
    <Page
      backAction={{ content: "Claims", url: "/app/claims" }}
      title="Policy tester"
      subtitle="See what your policy answers a claim, exactly as a shopper's claim would get it. No claim is created."
    >
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            <OrderSearch data={data} />
            {data.order ? (
              <ClaimFormCard order={data.order} submitting={fetcher.state !== "idle"} onTest={test} />
            ) : (
              <Card>
                <EmptyState heading="Pick an order to test a claim on" image={EMPTY_STATE_IMAGE}>
                  <Text as="p">
                    Search for an order by its name, pick it, then choose its items and describe the problem the way a
                    shopper would.
                  </Text>
                </EmptyState>
              </Card>
            )}
            {error ? (
              <Banner tone="critical" title="The claim could not be tested">
                <Text as="p">{`${error.message}${error.field ? ` (${error.field})` : ""} Change it and test again.`}</Text>
              </Banner>
            ) : null}
            {result ? <ResultCard result={result} /> : null}
          </BlockStack>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
