import { Badge, BlockStack, Card, InlineStack, List, Text } from "@shopify/polaris";
import type { ClaimPage } from "../../services/claim-page.server";
import type { EvaluationAsFiled, FlagAnswer } from "../../services/claim-page-evaluation.server";
import { CLAIM_REASON_WORDS, FLAG_WORDS } from "./decision-words";
import { formatter, type When } from "./format";
import { EvidenceSummary, ItemEvaluation } from "./item-evaluation";

// What the policy said about the claim when the shopper filed it: eligible or why not, the
// exclusion flags with the shopper's answers, the evidence, and each item's delivery, arrival
// window and warranty, in the shop's timezone. Open claims keep the policy they were filed under.

function answerText(answer: FlagAnswer, when: When, reportWithinDays: number): string | null {
  if (answer.kind === "yes") return "The shopper answered yes";
  if (answer.kind === "noticed_at") {
    return `First noticed ${when(answer.at)}: reported more than ${reportWithinDays} days later`;
  }
  return null;
}

function Flags({ asFiled, when }: { asFiled: EvaluationAsFiled; when: When }) {
  if (asFiled.flags.length === 0) {
    return (
      <Text as="p" tone="subdued">
        No exclusion flags.
      </Text>
    );
  }
  return (
    <BlockStack gap="100">
      <List type="bullet">
        {asFiled.flags.map(({ flag, answer }) => {
          const said = answerText(answer, when, asFiled.reportWithinDaysOfNotice);
          return (
            <List.Item key={flag}>
              <Text as="span" fontWeight="semibold">
                {FLAG_WORDS[flag]}
              </Text>
              {said ? ` — ${said}` : flag === "delivery_date_estimated" ? " — Shopify had no confirmed delivery" : ""}
            </List.Item>
          );
        })}
      </List>
      {asFiled.flags.some((f) => f.flag !== "delivery_date_estimated") ? (
        <Text as="p" tone="subdued">
          {asFiled.exclusionHandling === "review"
            ? "The policy leaves exclusions to your review: deny an item citing its clause if it applies."
            : "The policy denies claims with exclusions."}
        </Text>
      ) : null}
    </BlockStack>
  );
}

function Items({ claim, asFiled, when }: { claim: ClaimPage; asFiled: EvaluationAsFiled; when: When }) {
  return (
    <BlockStack gap="300">
      {asFiled.items.map((item) => {
        const title = claim.items.find((i) => i.lineItemId === item.lineItemId)?.title ?? "Item";
        return <ItemEvaluation key={item.lineItemId} title={title} headingAs="h3" item={item} when={when} />;
      })}
    </BlockStack>
  );
}

export function EvaluationCard({ claim }: { claim: ClaimPage }) {
  const { asFiled } = claim.evaluation;
  if (!asFiled) {
    return (
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Evaluation when filed
          </Text>
          <Text as="p" tone="subdued">
            This claim was filed before the app kept the policy&apos;s evaluation with each claim. Check the items and
            delivery dates above against your policy.
          </Text>
        </BlockStack>
      </Card>
    );
  }
  const when = formatter(asFiled.timezone);
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="center" gap="200">
          <Text as="h2" variant="headingMd">
            Evaluation when filed
          </Text>
          {asFiled.eligible ? <Badge tone="success">Eligible</Badge> : <Badge tone="critical">Not eligible</Badge>}
        </InlineStack>
        <Text as="p" tone="subdued">
          {`Checked against the policy on ${when(asFiled.evaluatedAt)} (times in ${asFiled.timezone}). Later policy changes do not apply to this claim.`}
        </Text>
        {asFiled.reasons.length > 0 ? (
          <List type="bullet">
            {asFiled.reasons.map((reason) => (
              <List.Item key={reason}>{CLAIM_REASON_WORDS[reason]}</List.Item>
            ))}
          </List>
        ) : null}
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            Exclusions
          </Text>
          <Flags asFiled={asFiled} when={when} />
        </BlockStack>
        <EvidenceSummary required={asFiled.evidenceRequired} missing={asFiled.missingEvidence} tense="past" />
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            Windows and deadlines
          </Text>
          <Items claim={claim} asFiled={asFiled} when={when} />
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
