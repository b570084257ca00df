import { useEffect, useMemo, useRef, useState } from "react";
import { useFetcher } from "@remix-run/react";
import {
  Banner,
  BlockStack,
  Box,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  InlineStack,
  Layout,
  Link,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { SaveBar, useAppBridge } from "@shopify/app-bridge-react";
import { previewPolicy } from "../../domain/policy/policy-preview";
import { calendarDateAt, HOUR_MS, startOfCalendarDay, type CalendarDate } from "../../domain/time";
import type { ExclusionHandling, OutOfStockFallback, Policy, ShippingPayer } from "../../domain/policy/policy-schema";
import type { PolicySettings } from "../../services/shop-policy-settings.server";
import type { ErrorBody } from "../../utils/http.server";
import { useLeaveConfirmation } from "../use-leave-confirmation";
import {
  ARRIVAL_RESOLUTION_OPTIONS,
  checkDraft,
  draftOf,
  EVIDENCE_OPTIONS,
  FALLBACK_OPTIONS,
  FIELD_LABELS,
  PAYER_OPTIONS,
  PROBLEM_LABELS,
  PROBLEM_PAYER_OPTIONS,
  PROBLEMS,
  WARRANTY_RESOLUTION_OPTIONS,
  policyInputOf,
  type FieldErrors,
  type PolicyDraft,
} from "./policy-draft";

type SaveAnswer = { ok: true; message: string } | ErrorBody;
const SAVE_BAR_ID = "policy-save-bar";

const isoDay = (date: CalendarDate) =>
  `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;

/** Midday of the chosen day in the store's timezone; a day the browser could not give falls back to today. */
function deliveryInstant(day: string, today: string, timeZone: string): number {
  const [year, month, date] = (/^\d{4}-\d{2}-\d{2}$/.test(day) ? day : today).split("-").map(Number);
  return startOfCalendarDay({ year: year!, month: month!, day: date! }, timeZone) + 12 * HOUR_MS;
}

/** "policy.warrantyMonths: expected …; other: …" -> "expected …": the field is named by its label. */
const withoutPath = (message: string) => (message.split("; ")[0] ?? message).replace(/^[\w.[\]]*: /, "");

/** The first problem at `path` or below it ("arrivalEvidence" finds "arrivalEvidence.1"). */
function errorAt(errors: FieldErrors, path: string): string | undefined {
  const key = Object.keys(errors).find((k) => k === path || k.startsWith(`${path}.`));
  return key === undefined ? undefined : errors[key];
}

export function PolicySettingsPage({ settings }: { settings: PolicySettings }) {
  const { shop } = settings;
  const shopify = useAppBridge();
  const fetcher = useFetcher<SaveAnswer>();
  // Keyed by content: Remix reloads the page's data after every action, a refused save included,
  // and an unchanged policy must not wipe what the merchant typed.
  const savedJson = JSON.stringify(settings.policy);
  const saved = useMemo(() => draftOf(JSON.parse(savedJson) as Policy), [savedJson]);
  const [draft, setDraft] = useState<PolicyDraft>(saved);
  // A fresh policy from the server (after a save) becomes the form's new starting point.
  useEffect(() => setDraft(saved), [saved]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const set = <K extends keyof PolicyDraft>(field: K, value: PolicyDraft[K]) =>
    setDraft((current) => ({ ...current, [field]: value }));

  const { policy, errors: liveErrors } = checkDraft(draft, shop.currencyCode);
  const answer = fetcher.state === "idle" ? fetcher.data : undefined;
  // The server's word on the last save holds until the merchant changes the form again.
  const submitted = useRef("");
  const serverError = answer && "error" in answer && submitted.current === JSON.stringify(draft) ? answer.error : null;
  const serverField = serverError?.field?.replace(/^policy\.?/, "") ?? "";
  const serverProblem = serverError ? withoutPath(serverError.message) : "";
  const errors: FieldErrors = serverError && serverField ? { [serverField]: serverProblem, ...liveErrors } : liveErrors;

  useEffect(() => {
    if (answer && "ok" in answer) shopify.toast.show(answer.message);
  }, [answer, shopify]);

  useLeaveConfirmation(dirty);

  const save = () => {
    submitted.current = JSON.stringify(draft);
    fetcher.submit(
      { policy: policyInputOf(draft, shop.currencyCode) },
      {
        method: "post",
        encType: "application/json",
      },
    );
  };
  const discard = () => setDraft(saved);
  // A delivery day to try the policy on (today in the store's timezone to start): not part of the policy.
  const today = isoDay(calendarDateAt(Date.parse(settings.now), shop.ianaTimezone));
  const [deliveredOn, setDeliveredOn] = useState(today);
  const preview = policy
    ? previewPolicy(policy, deliveryInstant(deliveredOn, today, shop.ianaTimezone), shop.ianaTimezone)
    : null;
  const numberField = (
    field:
      | "arrivalWindowDays"
      | "warrantyMonths"
      | "responseHours"
      | "reportWithinDaysOfNotice"
      | "unknownDeliveryTransitDays",
    suffix: string,
    helpText: string,
  ) => (
    <TextField
      label={FIELD_LABELS[field]}
      type="number"
      inputMode="numeric"
      autoComplete="off"
      value={draft[field]}
      onChange={(value) => set(field, value)}
      suffix={suffix}
      helpText={helpText}
      error={errorAt(errors, field)}
      min={0}
    />
  );

  // The policy's lists: each choice ticked or not, judged by the engine's schema like every field.
  const listField = <F extends "arrivalEvidence" | "warrantyEvidence" | "arrivalResolutions" | "warrantyResolutions">(
    field: F,
    choices: { value: string; label: string; helpText?: string }[],
  ) => (
    <ChoiceList
      allowMultiple
      title={FIELD_LABELS[field]}
      choices={choices}
      selected={draft[field]}
      onChange={(value) => set(field, value as PolicyDraft[F])}
      error={errorAt(errors, field)}
    />
  );

  return (
    <Page title="Settings" subtitle="Your warranty and arrival policy: what every new claim is judged by.">
      <SaveBar id={SAVE_BAR_ID} open={dirty}>
        {/* eslint-disable-next-line react/no-unknown-property -- App Bridge's Save is the primary button */}
        <button variant="primary" onClick={save} disabled={fetcher.state !== "idle"}>
          Save
        </button>
        <button onClick={discard}>Discard</button>
      </SaveBar>
      <Layout>
        {serverError ? (
          <Layout.Section>
            <Banner tone="critical" title="Nothing was saved">
              <p>
                {serverField
                  ? `${FIELD_LABELS[serverField.split(".")[0] as keyof typeof FIELD_LABELS] ?? serverField}: `
                  : ""}
                {serverProblem}. Correct the marked field and save again.
              </p>
            </Banner>
          </Layout.Section>
        ) : null}
        <Layout.AnnotatedSection
          id="preview"
          title="What shoppers get"
          description="Your policy in sentences, for an item delivered on the day you choose. Deadlines end at 23:59 in your store's timezone."
        >
          <Card>
            <BlockStack gap="300">
              <TextField
                label="Delivered on"
                type="date"
                autoComplete="off"
                value={deliveredOn}
                onChange={setDeliveredOn}
                helpText="Try another delivery day, such as the end of a month."
              />
              {preview ? (
                <BlockStack gap="200">
                  {preview.sentences.map((sentence) => (
                    <Text as="p" key={sentence}>
                      {sentence}
                    </Text>
                  ))}
                </BlockStack>
              ) : (
                <Text as="p" tone="subdued">
                  Correct the marked fields to see the preview.
                </Text>
              )}
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          id="windows"
          title="When shoppers can claim"
          description="Windows count calendar days in your store's timezone and end at 23:59 on their last day."
        >
          <Card>
            <BlockStack gap="400">
              {numberField(
                "arrivalWindowDays",
                "days after delivery",
                "For items damaged, wrong or not working on arrival. 0 turns arrival claims off.",
              )}
              {numberField("warrantyMonths", "months", "The warranty starts on the delivery day. 0 means no warranty.")}
              {numberField(
                "reportWithinDaysOfNotice",
                "days of noticing it",
                "A warranty fault reported later than this is flagged as a late report (an exclusion).",
              )}
              {numberField(
                "unknownDeliveryTransitDays",
                "days after shipping",
                "Only when the carrier confirms no delivery and gives no estimate: the windows start this long after shipping.",
              )}
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          id="response"
          title="Your response promise"
          description="How soon you promise shoppers an answer. The inbox counts down to it and pauses while you wait on the shopper."
        >
          <Card>{numberField("responseHours", "hours", "Your written guarantee says 48 hours.")}</Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          id="evidence"
          title="Evidence"
          description="What a shopper must attach before a claim can be filed. Fewer requirements mean fewer abandoned claims; more mean fewer questions later."
        >
          <Card>
            <BlockStack gap="400">
              {listField("arrivalEvidence", EVIDENCE_OPTIONS)}
              {listField("warrantyEvidence", EVIDENCE_OPTIONS)}
              <Checkbox
                label="Arrival claims must say whether the shopper wants a refund or a replacement"
                checked={draft.arrivalRequiresPreference}
                onChange={(checked) => set("arrivalRequiresPreference", checked)}
                error={errorAt(errors, "arrivalRequiresPreference")}
              />
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          id="returns"
          title="Returns"
          description="Whether an approved claim asks for the item back, and who pays to send it. Items go back to the warehouse that shipped them."
        >
          <Card>
            <BlockStack gap="400">
              <Checkbox
                label="Ask for the item back on approved claims"
                helpText="You can still change it on each claim when you decide."
                checked={draft.returnRequired}
                onChange={(checked) => set("returnRequired", checked)}
              />
              <Select
                label={`${FIELD_LABELS.arrivalReturnShippingPaidBy} is paid by`}
                options={PAYER_OPTIONS}
                value={draft.arrivalReturnShippingPaidBy}
                onChange={(value) => set("arrivalReturnShippingPaidBy", value as ShippingPayer)}
                error={errorAt(errors, "arrivalReturnShippingPaidBy")}
              />
              <Select
                label={`${FIELD_LABELS.warrantyReturnShippingPaidBy} is paid by`}
                options={PAYER_OPTIONS}
                value={draft.warrantyReturnShippingPaidBy}
                onChange={(value) => set("warrantyReturnShippingPaidBy", value as ShippingPayer)}
                helpText="Your written guarantee says it depends on the actual problem: choose 'Decided when you review the claim' to judge each one."
                error={errorAt(errors, "warrantyReturnShippingPaidBy")}
              />
              <ProblemPayers draft={draft} errors={errors} set={set} />
              <ComponentsEditor draft={draft} currencyCode={shop.currencyCode} errors={errors} set={set} />
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          id="exclusions"
          title="Exclusions"
          description="Warranty claims ask the shopper whether they flashed the firmware, opened the body, changed parts, used it in a way it is not meant for, kept using it after the fault, or damaged it by accident."
        >
          <Card>
            <ChoiceList
              title={FIELD_LABELS.exclusionHandling}
              choices={[
                {
                  value: "review",
                  label: "Flag it for my review",
                  helpText: "The claim comes in with the answers marked; you decide.",
                },
                {
                  value: "deny",
                  label: "Refuse the claim",
                  helpText: "The shopper is told at once that the guarantee does not cover it.",
                },
              ]}
              selected={[draft.exclusionHandling]}
              onChange={([value]) => set("exclusionHandling", (value ?? "review") as ExclusionHandling)}
              error={errorAt(errors, "exclusionHandling")}
            />
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          id="resolutions"
          title="Resolutions"
          description="What a shopper can ask for, and what you can approve a claim with. Products can narrow it with an override; a claim for several products offers only what all of them offer."
        >
          <Card>
            <BlockStack gap="400">
              {listField("arrivalResolutions", ARRIVAL_RESOLUTION_OPTIONS)}
              <Text as="p" tone="subdued">
                Your written guarantee offers a refund or a replacement for damage on arrival, never a repair.
              </Text>
              {listField("warrantyResolutions", WARRANTY_RESOLUTION_OPTIONS)}
              <ChoiceList
                title={FIELD_LABELS.outOfStockFallback}
                choices={FALLBACK_OPTIONS}
                selected={[draft.outOfStockFallback]}
                onChange={([value]) => set("outOfStockFallback", (value ?? "refund") as OutOfStockFallback)}
                error={errorAt(errors, "outOfStockFallback")}
              />
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection id="store" title="Store" description="Read from Shopify.">
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingSm">
                {shop.name}
              </Text>
              <Text as="p">
                Timezone:{" "}
                <Text as="span" fontWeight="semibold">
                  {shop.ianaTimezone}
                </Text>
              </Text>
              <Text as="p">
                Currency:{" "}
                <Text as="span" fontWeight="semibold">
                  {shop.currencyCode}
                </Text>
              </Text>
              <Text as="p" tone="subdued">
                Change these in your Shopify admin under Settings, General.
              </Text>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          id="more"
          title="Returns and denials"
          description="Two more parts of your policy, each on a page of its own."
        >
          <Card>
            <BlockStack gap="300">
              <BlockStack gap="100">
                <Link url="/app/settings/return-addresses">Return addresses</Link>
                <Text as="p" tone="subdued">
                  Where returns go for each of your locations, and which count as overseas.
                </Text>
              </BlockStack>
              <BlockStack gap="100">
                <Link url="/app/settings/denial-clauses">Denial clauses</Link>
                <Text as="p" tone="subdued">
                  The reasons you can give when you deny a claim, in the words shoppers read.
                </Text>
              </BlockStack>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>

        <Layout.AnnotatedSection
          id="notifications"
          title="Notifications"
          description="Emails to you and to shoppers about their claims."
        >
          <Card>
            <BlockStack gap="100">
              <Link url="/app/settings/notifications">Notifications</Link>
              <Text as="p" tone="subdued">
                Where your emails go, who tells shoppers about refunds and returns, reminders and the daily digest.
              </Text>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
      <Box paddingBlockEnd="800" />
    </Page>
  );
}

function ComponentsEditor({
  draft,
  currencyCode,
  errors,
  set,
}: {
  draft: PolicyDraft;
  currencyCode: string;
  errors: FieldErrors;
  set: (field: "components", value: PolicyDraft["components"]) => void;
}) {
  const change = (index: number, part: Partial<PolicyDraft["components"][number]>) =>
    set(
      "components",
      draft.components.map((c, i) => (i === index ? { ...c, ...part } : c)),
    );
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {FIELD_LABELS.components}
      </Text>
      <Text as="p" tone="subdued">
        Accessories a return must include, like a charger or cable; a missing one is charged to the shopper. Most shops
        set these per product on the Products page.
      </Text>
      {draft.components.map((component, index) => (
        <InlineStack key={index} gap="200" blockAlign="end" wrap={false}>
          <TextField
            label={`Part ${index + 1}`}
            autoComplete="off"
            value={component.name}
            onChange={(name) => change(index, { name })}
            error={errorAt(errors, `components.${index}.name`)}
          />
          <TextField
            label={`Charge if part ${index + 1} is missing`}
            autoComplete="off"
            inputMode="decimal"
            value={component.amount}
            suffix={currencyCode}
            onChange={(amount) => change(index, { amount })}
            error={errorAt(errors, `components.${index}.chargeIfMissing`)}
          />
          <Button
            accessibilityLabel={`Remove part ${index + 1}`}
            onClick={() =>
              set(
                "components",
                draft.components.filter((_, i) => i !== index),
              )
            }
          >
            Remove
          </Button>
        </InlineStack>
      ))}
      <InlineStack>
        <Button onClick={() => set("components", [...draft.components, { name: "", amount: "" }])}>Add a part</Button>
      </InlineStack>
    </BlockStack>
  );
}

/** Who pays return shipping for one problem, where it differs from its claim type's payer. */
function ProblemPayers({
  draft,
  errors,
  set,
}: {
  draft: PolicyDraft;
  errors: FieldErrors;
  set: (field: "returnShippingPaidByProblem", value: PolicyDraft["returnShippingPaidByProblem"]) => void;
}) {
  const change = (problem: (typeof PROBLEMS)[number], value: string) => {
    const next = { ...draft.returnShippingPaidByProblem };
    if (value === "") delete next[problem];
    else next[problem] = value as ShippingPayer;
    set("returnShippingPaidByProblem", next);
  };
  return (
    <BlockStack gap="200">
      <Text as="h3" variant="headingSm">
        {FIELD_LABELS.returnShippingPaidByProblem}
      </Text>
      <Text as="p" tone="subdued">
        Your written guarantee says who pays depends on the actual problem: set a payer for a problem to override its
        claim type&apos;s.
      </Text>
      {PROBLEMS.map((problem) => (
        <Select
          key={problem}
          label={`${PROBLEM_LABELS[problem]}: return shipping is paid by`}
          options={PROBLEM_PAYER_OPTIONS}
          value={draft.returnShippingPaidByProblem[problem] ?? ""}
          onChange={(value) => change(problem, value)}
          error={errorAt(errors, `returnShippingPaidByProblem.${problem}`)}
        />
      ))}
    </BlockStack>
  );
}
