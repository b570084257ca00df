import { Badge, BlockStack, Box, InlineStack, Text } from "@shopify/polaris";
import type { ItemReason } from "../../domain/policy/codes";
import type { EvidenceRequirement } from "../../domain/policy/policy-schema";
import { EVIDENCE_REQUIREMENT_WORDS, ITEM_REASON_WORDS, listWords } from "./decision-words";
import type { When } from "./format";

/** One item as the policy judged it: eligible units or why not, each delivery and its windows. */
export interface ItemEvaluationView {
  eligible: boolean;
  eligibleQuantity: number;
  reasons: readonly ItemReason[];
  deliveries: readonly {
    quantity: number;
    deliveredAt: string;
    estimated: boolean;
    arrivalWindowEndsAt: string | null;
    warrantyWindowEndsAt: string | null;
  }[];
}

// Shared by the claim page's evaluation as filed and the policy tester, so both say it alike.
export function ItemEvaluation({
  title,
  headingAs,
  item,
  when,
}: {
  title: string;
  headingAs: "h3" | "h4";
  item: ItemEvaluationView;
  when: When;
}) {
  return (
    <BlockStack gap="100">
      <InlineStack gap="200" blockAlign="center">
        <Text as={headingAs} variant="headingSm">
          {title}
        </Text>
        {item.eligible ? (
          <Badge tone="success">{`Eligible: ${item.eligibleQuantity} ${item.eligibleQuantity === 1 ? "unit" : "units"}`}</Badge>
        ) : (
          <Badge tone="critical">Not eligible</Badge>
        )}
      </InlineStack>
      {item.reasons.map((reason) => (
        <Text as="p" key={reason} tone="critical">
          {ITEM_REASON_WORDS[reason]}
        </Text>
      ))}
      {item.deliveries.map((delivery) => (
        <Box key={`${delivery.deliveredAt}-${delivery.estimated}`} paddingInlineStart="200">
          <Text as="p">
            {`${delivery.quantity} × ${delivery.estimated ? "delivery estimated" : "delivered"} ${when(delivery.deliveredAt)}`}
          </Text>
          <Text as="p" tone="subdued">
            {delivery.arrivalWindowEndsAt
              ? `Arrival window ends ${when(delivery.arrivalWindowEndsAt)}`
              : "No arrival window for this product"}
            {" · "}
            {delivery.warrantyWindowEndsAt
              ? `Warranty ends ${when(delivery.warrantyWindowEndsAt)}`
              : "No warranty for this product"}
          </Text>
        </Box>
      ))}
    </BlockStack>
  );
}

/**
 * The evidence the policy asks for and what is missing, for the claim page's evaluation as filed
 * (`tense: "past"`) and the policy tester's claim that would be filed now (`"present"`).
 */
export function EvidenceSummary({
  required,
  missing,
  tense,
}: {
  required: readonly EvidenceRequirement[];
  missing: readonly EvidenceRequirement[];
  tense: "present" | "past";
}) {
  const words = (list: readonly EvidenceRequirement[]) => listWords(list.map((e) => EVIDENCE_REQUIREMENT_WORDS[e]));
  return (
    <BlockStack gap="100">
      <Text as="h3" variant="headingSm">
        Evidence
      </Text>
      <Text as="p">
        {required.length === 0 ? "The policy asks for no evidence." : `The policy asks for ${words(required)}.`}
      </Text>
      <Text as="p" tone={missing.length > 0 ? "critical" : "subdued"}>
        {missing.length === 0
          ? tense === "past"
            ? "Nothing was missing."
            : "Nothing is missing."
          : `Missing: ${words(missing)}.`}
      </Text>
    </BlockStack>
  );
}
