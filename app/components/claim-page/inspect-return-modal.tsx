import { useState } from "react";
import { Banner, BlockStack, Box, Checkbox, Divider, InlineStack, Modal, Text, TextField } from "@shopify/polaris";
import { add, formatAmount, fromMoneyInput, money, zero } from "../../domain/money";
import type { InspectableItem } from "../../services/resolution/resolution-summary.server";
import type { ClaimActionModalProps } from "./claim-actions";
import { formatMoney } from "./format";
import { errorTitle, useClaimAction } from "./use-claim-action";

// Inspect the return: each approved item's components checklist (the policy's or the product
// override's parts, each with its charge). The merchant unticks what did not come back; the
// deductions are shown as they will be applied when the claim resolves. Nothing changes in Shopify.

/** Missing units per item and component; a component absent from the map came back. */
type Missing = Record<string, Record<string, number>>;

function deductionsOf(item: InspectableItem, missing: Record<string, number> | undefined) {
  const charges = item.components.flatMap((component) => {
    const count = missing?.[component.name] ?? 0;
    if (count === 0) return [];
    const unit = fromMoneyInput(component.charge);
    return [money(unit.minorUnits * count, unit.currencyCode)];
  });
  if (charges.length === 0) return null;
  const currencyCode = charges[0]!.currencyCode;
  return { amount: formatAmount(charges.reduce(add, zero(currencyCode))), currencyCode };
}

export function InspectReturnModal({ claim, open, onClose }: ClaimActionModalProps) {
  const items = claim.resolution.items;
  const [missing, setMissing] = useState<Missing>({});
  const [note, setNote] = useState("");
  const { submit, submitting, error } = useClaimAction(claim.version, () => {
    setMissing({});
    setNote("");
    onClose();
  });
  const setCount = (item: InspectableItem, name: string, count: number) =>
    setMissing((current) => ({
      ...current,
      [item.lineItemId]: { ...current[item.lineItemId], [name]: Math.max(0, Math.min(item.quantity, count)) },
    }));
  const send = () =>
    submit("inspect_return", {
      items: items.map((item) => ({
        lineItemId: item.lineItemId,
        missing: Object.entries(missing[item.lineItemId] ?? {})
          .filter(([, quantity]) => quantity > 0)
          .map(([name, quantity]) => ({ name, quantity })),
      })),
      note,
    });

  return (
    <Modal
      open={open}
      onClose={onClose}
      title="Inspect the return"
      primaryAction={{ content: "Save inspection", onAction: send, loading: submitting }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="400">
          {error ? (
            <Banner tone="critical" title={errorTitle(error, "Inspection not saved")}>
              <p>{error.message}</p>
            </Banner>
          ) : null}
          <Text as="p">
            Untick each part that did not come back. Nothing changes in Shopify yet: when you resolve the claim, missing
            parts are deducted from the refund, or asked from the shopper in a payment request when the item is replaced
            or repaired.
          </Text>
          {items.map((item) => {
            const deducted = deductionsOf(item, missing[item.lineItemId]);
            const fromRefund = item.resolution === "refund";
            return (
              <BlockStack key={item.lineItemId} gap="200">
                <Divider />
                <Text as="h3" variant="headingSm">
                  {`${item.quantity} × ${item.title}`}
                </Text>
                {item.components.length === 0 ? (
                  <Text as="p" tone="subdued">
                    No parts are listed for this item in its policy: nothing to check.
                  </Text>
                ) : (
                  item.components.map((component) => {
                    const count = missing[item.lineItemId]?.[component.name] ?? 0;
                    return (
                      <BlockStack key={component.name} gap="100">
                        <Checkbox
                          label={`${component.name} came back`}
                          helpText={`${formatMoney(component.charge)} each if missing`}
                          checked={count === 0}
                          onChange={(back) => setCount(item, component.name, back ? 0 : item.quantity)}
                        />
                        {count > 0 && item.quantity > 1 ? (
                          <Box paddingInlineStart="600">
                            <TextField
                              label={`How many ${component.name} are missing`}
                              type="number"
                              min={1}
                              max={item.quantity}
                              value={String(count)}
                              onChange={(value) => setCount(item, component.name, Number(value) || 1)}
                              autoComplete="off"
                            />
                          </Box>
                        ) : null}
                      </BlockStack>
                    );
                  })
                )}
                <InlineStack align="space-between">
                  <Text as="span" tone="subdued">
                    {fromRefund ? "Deducted from the refund" : "Asked from the shopper (payment request)"}
                  </Text>
                  <Text as="span" fontWeight="semibold">
                    {deducted ? formatMoney(deducted) : "Nothing"}
                  </Text>
                </InlineStack>
              </BlockStack>
            );
          })}
          <TextField
            label="Inspection note"
            helpText="Optional. Kept in the claim's log; the shopper does not see it."
            value={note}
            onChange={setNote}
            multiline={2}
            maxLength={5000}
            autoComplete="off"
            error={error?.code === "invalid_request" && error.field === "note" ? error.message : undefined}
          />
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
