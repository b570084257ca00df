import { useEffect, useRef, useState } from "react";
import { useFetcher, useRevalidator } from "@remix-run/react";
import {
  Badge,
  Banner,
  BlockStack,
  Checkbox,
  DataTable,
  Divider,
  InlineStack,
  Link,
  List,
  Modal,
  SkeletonBodyText,
  Text,
  TextField,
} from "@shopify/polaris";
import type { ResolutionPreview } from "../../services/resolution/preview.server";
import type { ErrorBody } from "../../utils/http.server";
import type { ClaimActionModalProps } from "./claim-actions";
import { formatMoney } from "./format";
import { errorTitle, useClaimAction } from "./use-claim-action";

// Resolve: before anything happens, the preview says exactly what Shopify will do (the refund per
// original payment method with the inspection's deductions, the replacement order with Shopify's
// stock, the payment request for missing parts, the return it closes). The merchant confirms that
// preview; if Shopify's side changed meanwhile, the server refuses and a fresh preview is shown.

interface Choices {
  outOfStock: Record<string, boolean>;
  notRepairable: Record<string, boolean>;
  restock: boolean;
}

const noChoices = (): Choices => ({ outOfStock: {}, notRepairable: {}, restock: false });

export function ResolveModal({ claim, open, onClose }: ClaimActionModalProps) {
  const items = claim.resolution.items;
  const [choices, setChoices] = useState<Choices>(noChoices);
  const [note, setNote] = useState("");
  const preview = useFetcher<ResolutionPreview | ErrorBody>();
  const revalidator = useRevalidator();
  const { submit, submitting, error } = useClaimAction(claim.version, () => {
    setChoices(noChoices());
    setNote("");
    onClose();
  });
  const repairs = items.filter((item) => item.resolution === "repair");
  const body = {
    items: items.flatMap((item) =>
      item.resolution === "replacement"
        ? [
            {
              lineItemId: item.lineItemId,
              ...(choices.outOfStock[item.lineItemId] ? { replacementInStock: false } : {}),
            },
          ]
        : item.resolution === "repair"
          ? [{ lineItemId: item.lineItemId, repairPossible: !choices.notRepairable[item.lineItemId] }]
          : [],
    ),
    restock: choices.restock,
  };
  const load = () =>
    preview.submit(body, {
      method: "post",
      action: `/app/claims/${claim.id}/resolution-preview`,
      encType: "application/json",
    });
  // The effects below run on what changed, with the latest form: the ref carries it.
  const latest = useRef({ load, revalidate: () => revalidator.revalidate() });
  latest.current = { load, revalidate: () => revalidator.revalidate() };
  // A fresh preview whenever the modal opens, a choice changes, or the claim changed under it.
  const chosen = JSON.stringify(choices);
  useEffect(() => {
    if (open) latest.current.load();
  }, [open, chosen, claim.version]);
  // Shopify refused a step, or its side changed since the preview: show the claim's fresh state.
  useEffect(() => {
    if (error && error.code !== "invalid_request") {
      latest.current.revalidate();
      latest.current.load();
    }
  }, [error]);

  const shown = preview.data && !("error" in preview.data) ? preview.data : null;
  const previewError = preview.data && "error" in preview.data ? preview.data.error : null;
  const loading = preview.state !== "idle";
  const set = (patch: Partial<Choices>) => setChoices((current) => ({ ...current, ...patch }));

  return (
    <Modal
      open={open}
      onClose={onClose}
      title="Resolve the claim"
      primaryAction={{
        content: "Resolve",
        onAction: () => shown && submit("resolve", { ...body, note, digest: shown.digest }),
        loading: submitting,
        // A replacement out of stock under a policy that leaves the choice to the merchant: nothing to confirm yet.
        disabled: !shown || loading || shown.awaitingChoice.length > 0,
      }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="400">
          {error ? (
            <Banner tone="critical" title={errorTitle(error, "Not resolved")}>
              <p>{error.message}</p>
            </Banner>
          ) : null}
          {previewError ? (
            <Banner tone="critical" title="No preview">
              <p>{previewError.message}</p>
            </Banner>
          ) : null}
          {claim.status === "return_lost" ? (
            <Banner tone="warning" title="The return was lost in transit">
              <p>
                The guarantee does not cover items lost on their way back. Resolving covers this claim anyway, as your
                choice; it is kept in the claim’s log.
              </p>
            </Banner>
          ) : null}
          {shown && shown.awaitingChoice.length > 0 ? (
            <Banner tone="warning" title="Out of stock: your choice">
              <BlockStack gap="100">
                {shown.awaitingChoice.map((item) => (
                  <p key={item.lineItemId}>{item.message}</p>
                ))}
              </BlockStack>
            </Banner>
          ) : null}
          {items
            .filter((item) => item.resolution === "replacement")
            .map((item) => (
              <Checkbox
                key={item.lineItemId}
                label={`No replacement for ${item.title} is available: refund it instead`}
                helpText={
                  claim.resolution.outOfStockFallback === "refund"
                    ? "Shopify's stock is checked too: an item out of stock there is refunded, as your policy says."
                    : "Shopify's stock is checked too: an item out of stock there waits for your choice, as this claim's policy says."
                }
                checked={choices.outOfStock[item.lineItemId] ?? false}
                onChange={(checked) => set({ outOfStock: { ...choices.outOfStock, [item.lineItemId]: checked } })}
              />
            ))}
          {repairs.map((item) => (
            <Checkbox
              key={item.lineItemId}
              label={`${item.title} cannot be repaired: refund it instead`}
              checked={choices.notRepairable[item.lineItemId] ?? false}
              onChange={(checked) => set({ notRepairable: { ...choices.notRepairable, [item.lineItemId]: checked } })}
            />
          ))}
          {/* Only when something is refunded: a replacement or repair sends no refund email. Who tells
              the shopper is the shop's setting, not a choice per claim, so they are never told twice. */}
          {shown?.refund ? (
            <Text as="p" tone="subdued">
              {claim.emails.shopifyNotifiesShopper
                ? "Shopify emails the shopper about the refund, as your notification settings say."
                : "Warranty Desk emails the shopper about the refund; Shopify's refund email stays off, as your notification settings say."}{" "}
              <Link url="/app/settings/notifications">Notification settings</Link>
            </Text>
          ) : null}
          {shown?.refund && claim.status === "inspected" ? (
            <Checkbox
              label="Put refunded items back in stock at the warehouse that received them"
              checked={choices.restock}
              onChange={(checked) => set({ restock: checked })}
            />
          ) : null}
          {repairs.length > 0 ? (
            <TextField
              label="Repair notes"
              helpText="What was repaired and how. Kept as the resolution's note."
              value={note}
              onChange={setNote}
              multiline={3}
              maxLength={5000}
              autoComplete="off"
              error={error?.code === "invalid_request" && error.field === "note" ? error.message : undefined}
            />
          ) : null}
          <Divider />
          {!shown || loading ? (
            <BlockStack gap="200">
              <Text as="h3" variant="headingSm">
                What Shopify will do
              </Text>
              <SkeletonBodyText lines={3} />
            </BlockStack>
          ) : (
            <PreviewDetails preview={shown} />
          )}
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

function PreviewDetails({ preview }: { preview: ResolutionPreview }) {
  const { refund, replacement, paymentRequest } = preview;
  return (
    <BlockStack gap="300">
      <Text as="h3" variant="headingSm">
        What Shopify will do
      </Text>
      <List type="bullet">
        {preview.summary.map((sentence) => (
          <List.Item key={sentence}>{sentence}</List.Item>
        ))}
      </List>
      {refund ? (
        <BlockStack gap="200">
          {refund.retried ? (
            <Banner tone="info">
              <p>
                An earlier attempt planned this refund: it is sent again under the same key, so it is never paid twice.
              </p>
            </Banner>
          ) : null}
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "numeric"]}
            headings={["Item", "Paid", "Missing parts", "Refund"]}
            rows={refund.items.map((item) => [
              `${item.quantity} × ${item.title}`,
              formatMoney(item.paid),
              Number(item.deductions.amount) > 0 ? `− ${formatMoney(item.deductions)}` : "—",
              formatMoney(item.amount),
            ])}
            totals={["", "", "", formatMoney(refund.total)]}
            showTotalsInFooter
          />
          {refund.transactions.map((t) => (
            <InlineStack key={t.parentId} align="space-between">
              <Text as="span">{`To ${t.paymentMethod}`}</Text>
              <Text as="span" fontWeight="semibold">
                {formatMoney(t.amount)}
              </Text>
            </InlineStack>
          ))}
        </BlockStack>
      ) : null}
      {replacement ? (
        <BlockStack gap="100">
          {replacement.lines.map((line) => (
            <InlineStack key={line.lineItemId} align="space-between" gap="200">
              <Text as="span">{`Replacement: ${line.quantity} × ${line.title}`}</Text>
              <Badge tone={line.inStock ? "success" : "warning"}>
                {line.inStock
                  ? "In stock"
                  : preview.awaitingChoice.some((item) => item.lineItemId === line.lineItemId)
                    ? "Out of stock"
                    : "Refunded instead"}
              </Badge>
            </InlineStack>
          ))}
        </BlockStack>
      ) : null}
      {paymentRequest ? (
        <BlockStack gap="100">
          {paymentRequest.lines.map((line) => (
            <InlineStack key={line.title} align="space-between">
              <Text as="span">{`${line.quantity} × ${line.title}`}</Text>
              <Text as="span">{formatMoney(line.unitPrice)}</Text>
            </InlineStack>
          ))}
        </BlockStack>
      ) : null}
    </BlockStack>
  );
}
