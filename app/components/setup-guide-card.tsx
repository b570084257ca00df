import { useEffect } from "react";
import { useFetcher } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import {
  Badge,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  InlineStack,
  ProgressBar,
  Text,
  type ButtonProps,
} from "@shopify/polaris";
import type { SetupGuideState, SetupGuideStep, SetupStep } from "../domain/setup-guide";

// The first-run setup guide on the app's home, in the shape of Shopify's own setup guides: a
// progress count, one row per step with what to do and where, and a way to dismiss it. A step
// the app sees done (the policy saved, a claim filed) is ticked for the merchant; the others they
// tick themselves. The policy tester ticks its own step when used.

// Where the checkout and accounts editor opens on the order status page of customer accounts, the
// page the claim block goes on (App Bridge's shopify://admin protocol navigates the admin).
const ACCOUNTS_EDITOR_URL = "shopify://admin/settings/checkout/editor?page=order-status";

interface StepWords {
  title: string;
  body: string;
  action: { content: string; url: string; target?: ButtonProps["target"] };
  /** How the app saw it done, when it did. */
  detected: string;
}

const STEP_WORDS: Record<SetupStep, StepWords> = {
  review_policy: {
    title: "Review your claim policy",
    body: "Check the arrival window, the warranty length, the evidence you ask for and who pays return shipping, then save.",
    action: { content: "Review policy", url: "/app/settings" },
    detected: "Done: your policy is saved.",
  },
  add_claim_extension: {
    title: "Add claims to customer accounts",
    body: "In the checkout and accounts editor, add the Warranty Desk block to the order status page so shoppers can report a problem with their order. Tick this when it is placed.",
    action: { content: "Open the accounts editor", url: ACCOUNTS_EDITOR_URL, target: "_top" },
    detected: "Done: a shopper has filed a claim.",
  },
  set_return_addresses: {
    title: "Set return addresses (optional)",
    body: "Returns go back to the warehouse that shipped the item. Send them to a returns centre instead, or mark overseas warehouses.",
    action: { content: "Set return addresses", url: "/app/settings/return-addresses" },
    detected: "Done: return addresses are set.",
  },
  try_policy_tester: {
    title: "Try the policy tester",
    body: "Pick an order and a problem and see what your policy answers, exactly as a shopper's claim would get it. No claim is created.",
    action: { content: "Open the policy tester", url: "/app/policy-tester" },
    detected: "",
  },
};

function StepRow({ step, busy, onMark }: { step: SetupGuideStep; busy: boolean; onMark: (done: boolean) => void }) {
  const words = STEP_WORDS[step.step];
  return (
    <Box paddingBlock="200" borderBlockStartWidth="025" borderColor="border-secondary">
      <BlockStack gap="200">
        <InlineStack gap="200" blockAlign="center" wrap={false}>
          {step.doneBy === "detected" ? (
            // What the app saw cannot be unticked: it is said, not offered as a checkbox.
            <BlockStack gap="050">
              <Text as="h3" variant="bodyMd" fontWeight="semibold">
                {words.title}
              </Text>
              <Text as="p" tone="subdued">
                {words.detected}
              </Text>
            </BlockStack>
          ) : (
            <Checkbox label={words.title} checked={step.done} disabled={busy} onChange={onMark} />
          )}
          {step.done ? <Badge tone="success">Done</Badge> : null}
        </InlineStack>
        {step.done ? null : (
          <Box paddingInlineStart="600">
            <BlockStack gap="200" inlineAlign="start">
              <Text as="p" tone="subdued">
                {words.body}
              </Text>
              <Button url={words.action.url} target={words.action.target}>
                {words.action.content}
              </Button>
            </BlockStack>
          </Box>
        )}
      </BlockStack>
    </Box>
  );
}

export function SetupGuideCard({ guide }: { guide: SetupGuideState }) {
  const fetcher = useFetcher<{ guide?: SetupGuideState; error?: { message: string } }>();
  const shopify = useAppBridge();
  const busy = fetcher.state !== "idle";
  const post = (body: { intent: "dismiss" } | { intent: "mark"; step: SetupStep; done: boolean }) =>
    fetcher.submit(body, { method: "post", action: "/app/setup-guide", encType: "application/json" });
  const failed = fetcher.data?.error?.message;
  useEffect(() => {
    if (failed) shopify.toast.show(`The setup guide was not saved: ${failed} Try again.`, { isError: true });
  }, [failed, shopify]);
  // Shown optimistically while the mark is saved: the page's loader then says the same.
  const shown = fetcher.data?.guide ?? guide;
  if (!shown.visible) return null;
  return (
    <Card>
      <BlockStack gap="300">
        <InlineStack align="space-between" blockAlign="start" gap="200">
          <BlockStack gap="100">
            <Text as="h2" variant="headingMd">
              Setup guide
            </Text>
            <Text as="p" tone="subdued">
              A few steps so shoppers can file claims and your policy answers them the way you want.
            </Text>
          </BlockStack>
          <Button variant="tertiary" disabled={busy} onClick={() => post({ intent: "dismiss" })}>
            Dismiss guide
          </Button>
        </InlineStack>
        <BlockStack gap="100">
          <Text as="p" variant="bodySm" id="setup-guide-progress">
            {`${shown.doneCount} of ${shown.requiredCount} tasks complete`}
          </Text>
          <ProgressBar
            progress={Math.round((shown.doneCount / shown.requiredCount) * 100)}
            size="small"
            tone="primary"
            ariaLabelledBy="setup-guide-progress"
          />
        </BlockStack>
        <BlockStack>
          {shown.steps.map((step) => (
            <StepRow
              key={step.step}
              step={step}
              busy={busy}
              onMark={(done) => post({ intent: "mark", step: step.step, done })}
            />
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
