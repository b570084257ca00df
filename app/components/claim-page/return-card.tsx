import { Badge, BlockStack, Box, Card, InlineStack, Link, List, Text, type BadgeProps } from "@shopify/polaris";
import type { ClaimPage } from "../../services/claim-page.server";
import type { When } from "./format";

// The return as the shopper was asked to make it and as it went: where each unit goes back (the
// warehouse that shipped it, at its Shopify location's address), what to include, who pays the
// shipping, the shopper's tracking, the Shopify return the claim opened, and what became of it.

const SHOPIFY_RETURN_STATUS: Record<string, { label: string; tone?: BadgeProps["tone"] }> = {
  OPEN: { label: "Open", tone: "info" },
  CLOSED: { label: "Closed", tone: "success" },
  CANCELED: { label: "Cancelled" },
  DECLINED: { label: "Declined" },
  REQUESTED: { label: "Requested", tone: "attention" },
  NOT_VISIBLE: { label: "No longer shown by Shopify", tone: "warning" },
};

function ShopifyReturn({ claim }: { claim: ClaimPage }) {
  const opened = claim.return?.shopifyReturn;
  if (!opened) {
    return (
      <Text as="p" tone="subdued">
        No Shopify return was opened for this claim.
      </Text>
    );
  }
  // ReturnStatus grows every quarter: an unknown one is shown as Shopify names it.
  const status = SHOPIFY_RETURN_STATUS[opened.status] ?? { label: opened.status.toLowerCase() };
  return (
    <InlineStack gap="200" blockAlign="center">
      <Text as="span">{`Shopify return ${opened.name ?? ""}`.trim()}</Text>
      <Badge tone={status.tone}>{status.label}</Badge>
      {opened.live ? null : (
        <Text as="span" tone="subdued">
          (as opened; Shopify did not answer just now)
        </Text>
      )}
      <Link url={claim.orderUrl} target="_top">
        See it on the order in Shopify
      </Link>
    </InlineStack>
  );
}

export function ReturnCard({ claim, when }: { claim: ClaimPage; when: When }) {
  const view = claim.return;
  if (!view) return null;
  const { instructions } = view;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Return
        </Text>
        {view.arrivedUnrequested ? (
          <Text as="p">
            {`Arrived without a return request on ${when(view.arrivedUnrequested.at)}`}
            {view.arrivedUnrequested.note ? `: ${view.arrivedUnrequested.note}` : ""}
          </Text>
        ) : null}
        {instructions ? (
          <BlockStack gap="300">
            <Text as="p" tone="subdued">
              What the shopper was asked to send back, and where (the warehouse that shipped each item, at the address
              its returns go to in Settings, Return addresses).
            </Text>
            {instructions.destinations.map((destination) => (
              <Box key={destination.locationId} borderWidth="025" borderColor="border" borderRadius="200" padding="300">
                <BlockStack gap="200">
                  <InlineStack gap="200" blockAlign="center">
                    <Text as="h3" variant="headingSm">
                      {destination.name ?? "A location Shopify no longer shows"}
                    </Text>
                    {destination.overseas ? <Badge tone="info">Overseas warehouse</Badge> : null}
                  </InlineStack>
                  {destination.returnsCentre ? (
                    <Text as="p" tone="subdued">
                      {`Returns for ${destination.warehouse ?? "this location"} (Settings, Return addresses)`}
                    </Text>
                  ) : null}
                  {destination.address.length > 0 ? (
                    <address style={{ fontStyle: "normal" }}>
                      {destination.address.map((line, index) => (
                        <Text as="p" key={index}>
                          {line}
                        </Text>
                      ))}
                    </address>
                  ) : (
                    <Text as="p" tone="caution">
                      No address: check this location in Shopify&apos;s settings before the shopper ships.
                    </Text>
                  )}
                  <List type="bullet">
                    {destination.items.map((item) => (
                      <List.Item key={item.lineItemId}>
                        {`${item.title} × ${item.quantity}`}
                        {item.includeComponents.length > 0 ? `, with ${item.includeComponents.join(", ")}` : ""}
                      </List.Item>
                    ))}
                  </List>
                </BlockStack>
              </Box>
            ))}
            <Text as="p">
              {instructions.shippingPaidBy === "merchant"
                ? "You pay the return shipping."
                : "The shopper pays the return shipping."}{" "}
              Tracked shipping advised: returns lost on the way are not covered.
            </Text>
          </BlockStack>
        ) : null}
        {view.shipment ? (
          <Text as="p">
            {`Tracking: ${view.shipment.carrier ? `${view.shipment.carrier} ` : ""}${view.shipment.trackingNumber}`}
          </Text>
        ) : instructions && !view.receivedAt && !view.lostAt ? (
          <Text as="p" tone="subdued">
            No tracking number from the shopper yet.
          </Text>
        ) : null}
        {view.receivedAt ? <Text as="p">{`Received ${when(view.receivedAt)}`}</Text> : null}
        {view.lostAt ? (
          <Text as="p" tone="critical">
            {claim.status === "return_lost"
              ? `Marked lost in transit ${when(view.lostAt)}: not covered unless you resolve the claim anyway.`
              : `Marked lost in transit ${when(view.lostAt)}.`}
          </Text>
        ) : null}
        {instructions ? <ShopifyReturn claim={claim} /> : null}
      </BlockStack>
    </Card>
  );
}
