import { Badge, Banner, BlockStack, Box, Button, Card, InlineStack, Link, Text } from "@shopify/polaris";
import type { EmailStatus, EmailTemplate } from "../../domain/notifications/notification-types";
import type { ClaimEmail } from "../../services/claim-emails.server";
import type { ClaimPage } from "../../services/claim-page.server";
import { EmailsOffBanner } from "../notifications/emails-off-banner";
import type { When } from "./format";
import { useClaimAction } from "./use-claim-action";

// The claim's emails: to the shopper and to the merchant, each with where it stands. One that
// failed after its last try can be sent again (the `resend_email` claim action).

const TEMPLATE_WORDS: Record<EmailTemplate, string> = {
  claim_received: "Claim received, with the response promise",
  info_requested: "Your request for more information",
  claim_approved: "Claim approved",
  return_received: "Return received",
  claim_resolved: "Claim resolved",
  claim_denied: "Claim denied, with the clause",
  merchant_new_claim: "New claim",
  merchant_shopper_replied: "The shopper replied",
  merchant_response_due: "Reminder: response due soon",
  merchant_response_overdue: "Reminder: response overdue",
  merchant_digest: "Daily digest",
};

const STATUS_BADGES: Record<EmailStatus, { label: string; tone?: "success" | "critical" | "info" | "attention" }> = {
  queued: { label: "Queued", tone: "info" },
  sending: { label: "Sending", tone: "info" },
  sent: { label: "Sent", tone: "success" },
  failed: { label: "Failed", tone: "critical" },
  skipped: { label: "Not sent", tone: "attention" },
};

function statusLine(email: ClaimEmail, when: When): string {
  switch (email.status) {
    case "queued":
      return email.attempts > 0
        ? `Try ${email.attempts} failed: ${email.lastError ?? "no reason given"}. Trying again ${when(email.nextAttemptAt)}.`
        : `Queued ${when(email.createdAt)}.`;
    case "sending":
      return "Being sent now.";
    case "sent":
      return email.sentAt ? `Sent ${when(email.sentAt)}.` : "Sent.";
    case "failed":
      return `Failed after ${email.attempts} ${email.attempts === 1 ? "try" : "tries"}: ${email.lastError ?? "no reason given"}.`;
    case "skipped":
      return `Not sent: ${email.lastError ?? "no reason given"}.`;
  }
}

function EmailRow({ email, claim, when }: { email: ClaimEmail; claim: ClaimPage; when: When }) {
  const { submit, submitting, error } = useClaimAction(claim.version);
  const badge = STATUS_BADGES[email.status];
  const words = TEMPLATE_WORDS[email.template];
  return (
    <BlockStack gap="100">
      <InlineStack align="space-between" blockAlign="center" gap="200">
        <InlineStack gap="200" blockAlign="center">
          <Text as="h3" variant="headingSm">
            {words}
          </Text>
          <Badge tone={badge.tone}>{badge.label}</Badge>
        </InlineStack>
        {email.status === "failed" && claim.actions.includes("resend_email") ? (
          <Button
            size="slim"
            loading={submitting}
            accessibilityLabel={`Send again: ${words}`}
            onClick={() => submit("resend_email", { emailId: email.id })}
          >
            Send again
          </Button>
        ) : null}
      </InlineStack>
      <Text as="p" tone="subdued">
        {`${email.audience === "shopper" ? "To the shopper" : "To you"} · ${statusLine(email, when)}`}
      </Text>
      {error ? (
        <Text as="p" tone="critical">
          {error.message}
        </Text>
      ) : null}
    </BlockStack>
  );
}

export function EmailsCard({ claim, when }: { claim: ClaimPage; when: When }) {
  const { list, emailsOff, shopifyNotifiesShopper } = claim.emails;
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Emails
        </Text>
        {emailsOff ? <EmailsOffBanner reason={emailsOff} /> : null}
        {list.length === 0 ? (
          <Text as="p" tone="subdued">
            No emails for this claim yet. The shopper and you are emailed as the claim moves on.
          </Text>
        ) : (
          list.map((email, index) => (
            <Box
              key={email.id}
              paddingBlockStart={index === 0 ? undefined : "300"}
              borderBlockStartWidth={index === 0 ? undefined : "025"}
              borderColor="border"
            >
              <EmailRow email={email} claim={claim} when={when} />
            </Box>
          ))
        )}
        {shopifyNotifiesShopper ? (
          <Banner tone="info">
            <p>
              Shopify&apos;s notifications tell the shopper about refunds and returns, so Warranty Desk sends no email
              about those steps. <Link url="/app/settings/notifications">Change this in Settings, Notifications.</Link>
            </p>
          </Banner>
        ) : null}
      </BlockStack>
    </Card>
  );
}
