import { Badge, Banner, BlockStack, Card, InlineStack, Link, Text } from "@shopify/polaris";
import type { ClaimPage } from "../../services/claim-page.server";
import { formatMoney, type When } from "./format";

// What the resolution did in Shopify: the refund per payment method, the replacement order, the
// payment request for missing parts and whether it is paid, the repair notes; and any step that
// did not finish, with Shopify's reason and the way on (resolve again from a fresh preview).

const PAYMENT_STATUS: Record<string, { label: string; tone: "success" | "attention" | "critical" | undefined }> = {
  COMPLETED: { label: "Paid", tone: "success" },
  INVOICE_SENT: { label: "Invoice sent", tone: "attention" },
  OPEN: { label: "Not sent", tone: "critical" },
  DELETED: { label: "Deleted in Shopify", tone: "critical" },
};

export function ResolutionCard({ claim, when }: { claim: ClaimPage; when: When }) {
  const { refund, replacement, paymentRequest, note, resolvedAt, unfinished } = claim.resolution;
  if (!resolvedAt && unfinished.length === 0) return null;
  const canResolve = claim.actions.includes("resolve");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Resolution
        </Text>
        {resolvedAt ? (
          <Text as="p" tone="subdued">
            {`Resolved ${when(resolvedAt)}`}
          </Text>
        ) : null}
        {unfinished.map((step) => (
          <Banner
            key={step.kind}
            tone={step.status === "refused" ? "critical" : "warning"}
            title={
              step.status === "refused"
                ? `Shopify refused the ${step.label}`
                : step.status === "failed"
                  ? `The ${step.label} did not reach Shopify`
                  : `The ${step.label} is not finished`
            }
          >
            <BlockStack gap="100">
              {step.refusal ? <p>{`Shopify said: ${step.refusal}`}</p> : null}
              <p>
                {canResolve
                  ? step.status === "refused" && step.kind === "refund"
                    ? "Choose Resolve again: a fresh preview shows what the order still allows, and it is sent as a new refund."
                    : "Choose Resolve again: it carries on from where it stopped, and nothing is done twice."
                  : "Reload the claim in a moment."}
              </p>
            </BlockStack>
          </Banner>
        ))}
        {refund ? (
          <BlockStack gap="100">
            <InlineStack align="space-between">
              <Text as="span" fontWeight="semibold">
                Refund
              </Text>
              <Text as="span" fontWeight="semibold">
                {formatMoney(refund.total)}
              </Text>
            </InlineStack>
            {refund.transactions.map((t, index) => (
              <InlineStack key={`${t.paymentMethod}-${index}`} align="space-between">
                <Text as="span" tone="subdued">{`To ${t.paymentMethod}`}</Text>
                <Text as="span">{formatMoney(t.amount)}</Text>
              </InlineStack>
            ))}
            <Link url={refund.orderUrl} target="_top">
              {`View the refund on order ${claim.orderName ?? ""} in Shopify`}
            </Link>
          </BlockStack>
        ) : null}
        {replacement ? (
          <BlockStack gap="100">
            <Text as="span" fontWeight="semibold">
              Replacement
            </Text>
            <Link url={replacement.url} target="_top">
              {`Replacement order ${replacement.orderName ?? replacement.draftOrderName} in Shopify`}
            </Link>
          </BlockStack>
        ) : null}
        {paymentRequest ? (
          <BlockStack gap="100">
            <InlineStack align="space-between" blockAlign="center">
              <Text as="span" fontWeight="semibold">
                {`Payment request for missing parts: ${formatMoney(paymentRequest.total)}`}
              </Text>
              {paymentRequest.status ? (
                <Badge tone={PAYMENT_STATUS[paymentRequest.status]?.tone}>
                  {PAYMENT_STATUS[paymentRequest.status]?.label ?? paymentRequest.status}
                </Badge>
              ) : null}
            </InlineStack>
            {paymentRequest.invoiceSentAt ? (
              <Text as="p" tone="subdued">
                {`Invoice emailed to the shopper ${when(paymentRequest.invoiceSentAt)}`}
              </Text>
            ) : null}
            <Link url={paymentRequest.url} target="_top">
              {`Draft order ${paymentRequest.draftOrderName} in Shopify`}
            </Link>
          </BlockStack>
        ) : null}
        {note ? (
          <BlockStack gap="100">
            <Text as="span" fontWeight="semibold">
              {claim.resolution.items.some((item) => item.resolution === "repair") ? "Repair notes" : "Note"}
            </Text>
            <Text as="p">{note}</Text>
          </BlockStack>
        ) : null}
      </BlockStack>
    </Card>
  );
}
