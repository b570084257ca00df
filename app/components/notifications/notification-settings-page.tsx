import { useEffect, useMemo, useRef, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Button,
  Card,
  ChoiceList,
  InlineStack,
  Layout,
  Page,
  Text,
  TextField,
} from "@shopify/polaris";
import type { NotificationPreferences } from "../../domain/notifications/notification-types";
import type { NotificationSettingsPage as Loaded } from "../../services/notification-settings.server";
import type { ErrorBody } from "../../utils/http.server";
import { useLeaveConfirmation } from "../use-leave-confirmation";
import { EmailsOffBanner } from "./emails-off-banner";

type SaveAnswer = { ok: true; message: string } | ErrorBody;

const MAX_ADDRESSES = 5;

/** The form as typed: the lead time stays text until it is sent, so nothing typed is lost. */
interface Draft {
  merchantEmails: string[];
  shopperNotifiedBy: NotificationPreferences["shopperNotifiedBy"];
  reminderLeadHours: string;
  merchantDelivery: NotificationPreferences["merchantDelivery"];
}

const draftOf = (preferences: NotificationPreferences): Draft => ({
  ...preferences,
  merchantEmails: [...preferences.merchantEmails],
  reminderLeadHours: String(preferences.reminderLeadHours),
});

/** A number when it reads as one; otherwise the text, for the server to name the field. */
const hoursOf = (text: string): number | string => (/^\s*-?\d+(\.\d+)?\s*$/.test(text) ? Number(text) : text);

const bodyOf = (draft: Draft) => ({
  merchantEmails: draft.merchantEmails.map((address) => address.trim()),
  shopperNotifiedBy: draft.shopperNotifiedBy,
  reminderLeadHours: hoursOf(draft.reminderLeadHours),
  merchantDelivery: draft.merchantDelivery,
});

/** "merchantEmails.1: expected an email address; …" -> "expected an email address". */
const withoutPath = (message: string) => (message.split("; ")[0] ?? message).replace(/^[\w.]+: /, "");

export function NotificationSettingsPage({ settings }: { settings: Loaded }) {
  const { shopEmail, transport } = settings;
  const shopify = useAppBridge();
  const fetcher = useFetcher<SaveAnswer>();
  // Keyed by content: Remix reloads the data after every action, a refused save included, and
  // unchanged settings must not wipe what the merchant typed.
  const savedJson = JSON.stringify(settings.preferences);
  const saved = useMemo(() => draftOf(JSON.parse(savedJson) as NotificationPreferences), [savedJson]);
  const [draft, setDraft] = useState<Draft>(saved);
  useEffect(() => setDraft(saved), [saved]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  useLeaveConfirmation(dirty);

  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  // The server's word on the last save holds until the merchant changes the form again.
  const submitted = useRef("");
  const error = answer && "error" in answer && submitted.current === JSON.stringify(draft) ? answer.error : null;
  const fieldError = (path: string) => (error?.field === path ? withoutPath(error.message) : undefined);
  useEffect(() => {
    if (answer && "ok" in answer) shopify.toast.show(answer.message);
  }, [answer, shopify]);

  const set = <K extends keyof Draft>(field: K, value: Draft[K]) =>
    setDraft((current) => ({ ...current, [field]: value }));
  const setAddress = (index: number, address: string) =>
    set(
      "merchantEmails",
      draft.merchantEmails.map((current, i) => (i === index ? address : current)),
    );
  const save = () => {
    submitted.current = JSON.stringify(draft);
    fetcher.submit(bodyOf(draft), { method: "post", encType: "application/json" });
  };

  return (
    <Page title="Notifications" backAction={{ content: "Settings", url: "/app/settings" }}>
      <SaveBar id="notifications-save-bar" open={dirty}>
        {/* eslint-disable-next-line react/no-unknown-property -- App Bridge's Save is the primary button */}
        <button variant="primary" onClick={save} disabled={fetcher.state !== "idle"}>
          Save
        </button>
        <button onClick={() => setDraft(saved)}>Discard</button>
      </SaveBar>
      <Layout>
        {transport.configured ? null : (
          <Layout.Section>
            <EmailsOffBanner reason={transport.reason} />
          </Layout.Section>
        )}
        {error ? (
          <Layout.Section>
            <Banner tone="critical" title="The notification settings were not saved">
              <p>{error.field ? "Check the field marked below, then save again." : error.message}</p>
            </Banner>
          </Layout.Section>
        ) : null}

        <Layout.AnnotatedSection
          id="merchant-emails"
          title="Your emails"
          description="New claims, shoppers' replies, and reminders before a claim's response is due."
        >
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingSm">
                Where your emails go
              </Text>
              <Text as="p" tone="subdued">
                {shopEmail
                  ? `With no address here, they go to your store's email, ${shopEmail}.`
                  : "Your store has no email in Shopify: add an address here, or your emails cannot be sent."}
              </Text>
              {draft.merchantEmails.map((address, index) => (
                <InlineStack key={index} gap="200" blockAlign="end" wrap={false}>
                  <div style={{ flexGrow: 1 }}>
                    <TextField
                      label={`Address ${index + 1}`}
                      type="email"
                      autoComplete="email"
                      value={address}
                      onChange={(value) => setAddress(index, value)}
                      error={fieldError(`merchantEmails.${index}`)}
                    />
                  </div>
                  <Button
                    accessibilityLabel={`Remove address ${index + 1}`}
                    onClick={() =>
                      set(
                        "merchantEmails",
                        draft.merchantEmails.filter((_, i) => i !== index),
                      )
                    }
                  >
                    Remove
                  </Button>
                </InlineStack>
              ))}
              {fieldError("merchantEmails") ? (
                <Text as="p" tone="critical">
                  {fieldError("merchantEmails")}
                </Text>
              ) : null}
              <InlineStack gap="200" blockAlign="center">
                <Button
                  onClick={() => set("merchantEmails", [...draft.merchantEmails, ""])}
                  disabled={draft.merchantEmails.length >= MAX_ADDRESSES}
                >
                  Add an address
                </Button>
                <Text as="span" tone="subdued">
                  {`Up to ${MAX_ADDRESSES} addresses.`}
                </Text>
              </InlineStack>
              <ChoiceList
                title="How you get them"
                choices={[
                  { label: "An email for each new claim, reply and reminder", value: "each" },
                  {
                    label: "One email a day, a digest",
                    value: "daily_digest",
                    helpText:
                      "Sent at 08:00 in your store's timezone: new claims, replies and responses due, in one email instead of one each.",
                  },
                ]}
                selected={[draft.merchantDelivery]}
                onChange={([value]) => set("merchantDelivery", value as Draft["merchantDelivery"])}
                error={fieldError("merchantDelivery")}
              />
              <TextField
                label="Remind me before a response is due"
                type="number"
                inputMode="numeric"
                autoComplete="off"
                suffix="hours"
                min={1}
                max={72}
                value={draft.reminderLeadHours}
                onChange={(value) => set("reminderLeadHours", value)}
                helpText="A reminder comes this long before a claim's response is due, and another once it is overdue. From 1 to 72 hours."
                error={fieldError("reminderLeadHours")}
              />
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          id="shopper-emails"
          title="Shoppers' emails"
          description="Shoppers hear about every step of their claim, in their language."
        >
          <Card>
            <BlockStack gap="300">
              <ChoiceList
                title="Who emails the shopper about refunds and returns"
                choices={[
                  {
                    label: "Warranty Desk's emails",
                    value: "app",
                    helpText:
                      "Our emails tell the shopper about the refund and the return, in their language, with the claim's details. Shopify's own refund and return notifications are not sent.",
                  },
                  {
                    label: "Shopify's notifications",
                    value: "shopify",
                    helpText:
                      "Shopify emails the shopper about the refund and the return with your Shopify notification templates, and Warranty Desk sends no email about those steps. Our emails still cover the rest of the claim.",
                  },
                ]}
                selected={[draft.shopperNotifiedBy]}
                onChange={([value]) => set("shopperNotifiedBy", value as Draft["shopperNotifiedBy"])}
                error={fieldError("shopperNotifiedBy")}
              />
              <Text as="p" tone="subdued">
                It is one or the other, never both: the shopper gets one email about each step. A change applies to the
                steps that come next.
              </Text>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
    </Page>
  );
}
