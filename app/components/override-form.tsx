import type { ReactNode } from "react";
import {
  BlockStack,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  InlineGrid,
  InlineStack,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import {
  describeArrivalWindow,
  describeEvidence,
  describeOutOfStock,
  describeProblemPayers,
  describeResolutions,
  describeWarranty,
} from "../domain/policy/effective-rules";
import {
  EVIDENCE_REQUIREMENTS,
  type EvidenceRequirement,
  type ExclusionHandling,
  type OutOfStockFallback,
  type Policy,
  type PolicyOverride,
  type PreferredResolution,
  type ShippingPayer,
  type ShippingPayerByProblem,
} from "../domain/policy/policy-schema";
import {
  ARRIVAL_RESOLUTION_OPTIONS,
  FALLBACK_OPTIONS,
  PROBLEM_LABELS,
  PROBLEM_PAYER_OPTIONS,
  PROBLEMS,
  WARRANTY_RESOLUTION_OPTIONS,
} from "./settings/policy-draft";

// The override editor's fields: every field of the policy, each either "as the shop policy" or
// the product's own value. Numbers stay the text the merchant typed until the server judges them
// (a bad value comes back as a 400 naming the field, shown under it; nothing typed is lost).

type NumberField =
  "warrantyMonths" | "arrivalWindowDays" | "responseHours" | "reportWithinDaysOfNotice" | "unknownDeliveryTransitDays";
const NUMBER_FIELDS: readonly NumberField[] = [
  "warrantyMonths",
  "arrivalWindowDays",
  "responseHours",
  "reportWithinDaysOfNotice",
  "unknownDeliveryTransitDays",
];

export interface Draft {
  numbers: Partial<Record<NumberField, string>>;
  exclusionHandling?: ExclusionHandling;
  returnRequired?: boolean;
  arrivalReturnShippingPaidBy?: ShippingPayer;
  warrantyReturnShippingPaidBy?: ShippingPayer;
  returnShippingPaidByProblem?: ShippingPayerByProblem;
  arrivalResolutions?: PreferredResolution[];
  warrantyResolutions?: PreferredResolution[];
  outOfStockFallback?: OutOfStockFallback;
  arrivalEvidence?: EvidenceRequirement[];
  warrantyEvidence?: EvidenceRequirement[];
  arrivalRequiresPreference?: boolean;
  components?: { name: string; amount: string }[];
}
type OtherField = Exclude<keyof Draft, "numbers">;

export function toDraft(override: PolicyOverride): Draft {
  const { components, ...rest } = override;
  const draft: Draft = { numbers: {} };
  for (const field of NUMBER_FIELDS) {
    const value = rest[field];
    if (value !== undefined) draft.numbers[field] = String(value);
  }
  const others: Omit<Draft, "numbers" | "components"> = {
    exclusionHandling: rest.exclusionHandling,
    returnRequired: rest.returnRequired,
    arrivalReturnShippingPaidBy: rest.arrivalReturnShippingPaidBy,
    warrantyReturnShippingPaidBy: rest.warrantyReturnShippingPaidBy,
    returnShippingPaidByProblem: rest.returnShippingPaidByProblem,
    arrivalResolutions: rest.arrivalResolutions,
    warrantyResolutions: rest.warrantyResolutions,
    outOfStockFallback: rest.outOfStockFallback,
    arrivalEvidence: rest.arrivalEvidence,
    warrantyEvidence: rest.warrantyEvidence,
    arrivalRequiresPreference: rest.arrivalRequiresPreference,
  };
  for (const [key, value] of Object.entries(others)) {
    if (value !== undefined) Object.assign(draft, { [key]: value });
  }
  if (components) draft.components = components.map((c) => ({ name: c.name, amount: c.chargeIfMissing.amount }));
  return draft;
}

/** What the form sends: a whole number as a number, anything else as typed (the server names it). */
export function toOverrideInput(draft: Draft, currencyCode: string): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [field, text] of Object.entries(draft.numbers)) {
    input[field] = /^\s*\d+\s*$/.test(text) ? Number(text) : text;
  }
  for (const [key, value] of Object.entries(draft)) {
    if (key === "numbers" || key === "components" || value === undefined) continue;
    input[key] = value;
  }
  if (draft.components) {
    input.components = draft.components.map((c) => ({
      name: c.name,
      chargeIfMissing: { amount: c.amount.trim(), currencyCode },
    }));
  }
  return input;
}

const PAYER_OPTIONS = [
  { label: "You pay", value: "merchant" },
  { label: "The shopper pays", value: "customer" },
  { label: "Decided on review", value: "decided_on_review" },
];
const EVIDENCE_CHOICES = EVIDENCE_REQUIREMENTS.map((value) => ({
  value,
  label: describeEvidence([value]).replace(/^./, (c) => c.toUpperCase()),
}));

interface FormProps {
  draft: Draft;
  onChange: (draft: Draft) => void;
  shopPolicy: Policy;
  currencyCode: string;
  /** The server's field error: `field` is the request path, e.g. "override.warrantyMonths". */
  fieldError: { field: string; message: string } | null;
}

function InheritableField(props: {
  id: string;
  label: string;
  help: string;
  shopValue: string;
  inherited: boolean;
  onInherit: (inherit: boolean) => void;
  children: ReactNode;
}) {
  return (
    <BlockStack gap="200">
      <InlineStack align="space-between" blockAlign="center" gap="200">
        <Text as="h3" variant="headingSm" id={`${props.id}-heading`}>
          {props.label}
        </Text>
        <Checkbox
          label={
            <>
              Use shop policy
              <Text as="span" visuallyHidden>
                {` for ${props.label.toLowerCase()}`}
              </Text>
            </>
          }
          checked={props.inherited}
          onChange={(checked) => props.onInherit(checked)}
          id={`${props.id}-inherit`}
        />
      </InlineStack>
      <Text as="p" tone="subdued">
        {props.help} Shop policy: {props.shopValue}.
      </Text>
      {props.inherited ? null : props.children}
    </BlockStack>
  );
}

export function OverrideForm({ draft, onChange, shopPolicy, currencyCode, fieldError }: FormProps) {
  const errorOf = (field: string) =>
    fieldError && (fieldError.field === `override.${field}` || fieldError.field.startsWith(`override.${field}.`))
      ? fieldError.message.replace(/^[^:]*: /, "")
      : undefined;
  const setNumber = (field: NumberField, value: string | undefined) => {
    const numbers = { ...draft.numbers };
    if (value === undefined) delete numbers[field];
    else numbers[field] = value;
    onChange({ ...draft, numbers });
  };
  const set = <K extends OtherField>(field: K, value: Draft[K] | undefined) => {
    const next = { ...draft };
    if (value === undefined) delete next[field];
    else next[field] = value;
    onChange(next);
  };

  const numberField = (field: NumberField, label: string, help: string, suffix: string, shopValue: string) => (
    <InheritableField
      id={field}
      label={label}
      help={help}
      shopValue={shopValue}
      inherited={draft.numbers[field] === undefined}
      onInherit={(inherit) => setNumber(field, inherit ? undefined : String(shopPolicy[field]))}
    >
      <TextField
        label={label}
        labelHidden
        type="number"
        min={0}
        suffix={suffix}
        value={draft.numbers[field] ?? ""}
        onChange={(value) => setNumber(field, value)}
        error={errorOf(field)}
        autoComplete="off"
      />
    </InheritableField>
  );

  const payerField = (field: "arrivalReturnShippingPaidBy" | "warrantyReturnShippingPaidBy", label: string) => (
    <InheritableField
      id={field}
      label={label}
      help="Who pays for the parcel back to you when a return is asked for."
      shopValue={PAYER_OPTIONS.find((o) => o.value === shopPolicy[field])?.label.toLowerCase() ?? ""}
      inherited={draft[field] === undefined}
      onInherit={(inherit) => set(field, inherit ? undefined : shopPolicy[field])}
    >
      <Select
        label={label}
        labelHidden
        options={PAYER_OPTIONS}
        value={draft[field] ?? shopPolicy[field]}
        onChange={(value) => set(field, value as ShippingPayer)}
        error={errorOf(field)}
      />
    </InheritableField>
  );

  // The policy's lists (evidence, resolutions): the product's own list, or the shop's.
  const listField = <F extends "arrivalEvidence" | "warrantyEvidence" | "arrivalResolutions" | "warrantyResolutions">(
    field: F,
    label: string,
    help: string,
    shopValue: string,
    choices: { value: string; label: string }[],
  ) => (
    <InheritableField
      id={field}
      label={label}
      help={help}
      shopValue={shopValue}
      inherited={draft[field] === undefined}
      onInherit={(inherit) => set(field, inherit ? undefined : ([...shopPolicy[field]] as Draft[F]))}
    >
      <ChoiceList
        title={label}
        titleHidden
        allowMultiple
        choices={choices}
        selected={draft[field] ?? []}
        onChange={(selected) => set(field, selected as Draft[F])}
        error={errorOf(field)}
      />
    </InheritableField>
  );
  const evidenceField = (field: "arrivalEvidence" | "warrantyEvidence", label: string) =>
    listField(
      field,
      label,
      "What the shopper must attach before the claim can be sent.",
      describeEvidence(shopPolicy[field]),
      EVIDENCE_CHOICES,
    );
  const resolutionsField = (field: "arrivalResolutions" | "warrantyResolutions", label: string) =>
    listField(
      field,
      label,
      "What a shopper may ask for and you may approve. A claim with other products offers only what all of them offer.",
      describeResolutions(shopPolicy[field]),
      field === "arrivalResolutions" ? ARRIVAL_RESOLUTION_OPTIONS : WARRANTY_RESOLUTION_OPTIONS,
    );

  const problemPayers = draft.returnShippingPaidByProblem;
  const setProblemPayer = (problem: (typeof PROBLEMS)[number], value: string) => {
    const next = { ...problemPayers };
    if (value === "") delete next[problem];
    else next[problem] = value as ShippingPayer;
    set("returnShippingPaidByProblem", next);
  };

  const yesNoField = (
    field: "returnRequired" | "arrivalRequiresPreference",
    label: string,
    help: string,
    yes: string,
    no: string,
  ) => (
    <InheritableField
      id={field}
      label={label}
      help={help}
      shopValue={shopPolicy[field] ? yes.toLowerCase() : no.toLowerCase()}
      inherited={draft[field] === undefined}
      onInherit={(inherit) => set(field, inherit ? undefined : shopPolicy[field])}
    >
      <Select
        label={label}
        labelHidden
        options={[
          { label: yes, value: "yes" },
          { label: no, value: "no" },
        ]}
        value={(draft[field] ?? shopPolicy[field]) ? "yes" : "no"}
        onChange={(value) => set(field, value === "yes")}
        error={errorOf(field)}
      />
    </InheritableField>
  );

  const components = draft.components;
  const setComponent = (index: number, change: Partial<{ name: string; amount: string }>) =>
    set(
      "components",
      (components ?? []).map((c, i) => (i === index ? { ...c, ...change } : c)),
    );

  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">
            Deadlines
          </Text>
          {numberField(
            "warrantyMonths",
            "Warranty length",
            "How long after delivery the product is under warranty.",
            "months",
            describeWarranty(shopPolicy.warrantyMonths),
          )}
          {numberField(
            "arrivalWindowDays",
            "Arrival window",
            "How many days after delivery a shopper can report the product arrived damaged or wrong.",
            "days",
            describeArrivalWindow(shopPolicy.arrivalWindowDays),
          )}
          {numberField(
            "reportWithinDaysOfNotice",
            "Report within days of noticing",
            "How soon a warranty problem must be reported once the shopper notices it.",
            "days",
            `${shopPolicy.reportWithinDaysOfNotice} days`,
          )}
          {numberField(
            "unknownDeliveryTransitDays",
            "Delivery date when unknown",
            "Without a delivery date from the carrier, delivery is assumed this many days after shipping.",
            "days",
            `${shopPolicy.unknownDeliveryTransitDays} days`,
          )}
          {numberField(
            "responseHours",
            "Response promise",
            "How soon you answer each shopper message.",
            "hours",
            `${shopPolicy.responseHours} hours`,
          )}
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">
            Evidence
          </Text>
          {evidenceField("arrivalEvidence", "Evidence for arrival claims")}
          {evidenceField("warrantyEvidence", "Evidence for warranty claims")}
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">
            Returns
          </Text>
          {yesNoField(
            "returnRequired",
            "Return",
            "Whether the item must come back before the claim is resolved.",
            "Return required",
            "No return needed",
          )}
          {payerField("arrivalReturnShippingPaidBy", "Return shipping for arrival claims")}
          {payerField("warrantyReturnShippingPaidBy", "Return shipping for warranty claims")}
          <InheritableField
            id="returnShippingPaidByProblem"
            label="Return shipping by problem"
            help="Who pays for a problem, where it differs from its claim type's payer."
            shopValue={describeProblemPayers(shopPolicy.returnShippingPaidByProblem)}
            inherited={problemPayers === undefined}
            onInherit={(inherit) =>
              set("returnShippingPaidByProblem", inherit ? undefined : { ...shopPolicy.returnShippingPaidByProblem })
            }
          >
            <BlockStack gap="200">
              {PROBLEMS.map((problem) => (
                <Select
                  key={problem}
                  label={`${PROBLEM_LABELS[problem]}: return shipping is paid by`}
                  options={PROBLEM_PAYER_OPTIONS}
                  value={problemPayers?.[problem] ?? ""}
                  onChange={(value) => setProblemPayer(problem, value)}
                  error={errorOf(`returnShippingPaidByProblem.${problem}`)}
                />
              ))}
            </BlockStack>
          </InheritableField>
          <InheritableField
            id="components"
            label="Parts that must come back"
            help={`Parts checked when a return arrives; a missing part is charged to the shopper, in ${currencyCode}.`}
            shopValue={
              shopPolicy.components.length === 0 ? "none" : shopPolicy.components.map((c) => c.name).join(", ")
            }
            inherited={components === undefined}
            onInherit={(inherit) =>
              set(
                "components",
                inherit
                  ? undefined
                  : shopPolicy.components.map((c) => ({ name: c.name, amount: c.chargeIfMissing.amount })),
              )
            }
          >
            <BlockStack gap="200">
              {(components ?? []).length === 0 ? (
                <Text as="p">No parts: nothing is checked or charged when the item comes back.</Text>
              ) : null}
              {(components ?? []).map((component, index) => (
                <InlineGrid key={index} columns={["twoThirds", "oneThird"]} gap="200">
                  <TextField
                    label={`Part ${index + 1}`}
                    value={component.name}
                    onChange={(name) => setComponent(index, { name })}
                    error={errorOf(`components.${index}.name`)}
                    autoComplete="off"
                  />
                  <InlineStack gap="100" blockAlign="end" wrap={false}>
                    <TextField
                      label={`Charge if part ${index + 1} is missing`}
                      prefix={currencyCode}
                      value={component.amount}
                      onChange={(amount) => setComponent(index, { amount })}
                      error={errorOf(`components.${index}.chargeIfMissing`)}
                      inputMode="decimal"
                      autoComplete="off"
                    />
                    <Button
                      accessibilityLabel={`Remove part ${index + 1}`}
                      onClick={() =>
                        set(
                          "components",
                          (components ?? []).filter((_, i) => i !== index),
                        )
                      }
                    >
                      Remove
                    </Button>
                  </InlineStack>
                </InlineGrid>
              ))}
              {errorOf("components") && !/^override\.components\.\d/.test(fieldError?.field ?? "") ? (
                <Text as="p" tone="critical">
                  {errorOf("components")}
                </Text>
              ) : null}
              <InlineStack>
                <Button onClick={() => set("components", [...(components ?? []), { name: "", amount: "0.00" }])}>
                  Add a part
                </Button>
              </InlineStack>
            </BlockStack>
          </InheritableField>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">
            Resolutions
          </Text>
          {resolutionsField("arrivalResolutions", "Resolutions for arrival claims")}
          {resolutionsField("warrantyResolutions", "Resolutions for warranty claims")}
          <InheritableField
            id="outOfStockFallback"
            label="Replacement out of stock"
            help="When a replacement is out of stock in Shopify: refund it, or wait for your choice."
            shopValue={describeOutOfStock(shopPolicy.outOfStockFallback)}
            inherited={draft.outOfStockFallback === undefined}
            onInherit={(inherit) => set("outOfStockFallback", inherit ? undefined : shopPolicy.outOfStockFallback)}
          >
            <Select
              label="Replacement out of stock"
              labelHidden
              options={FALLBACK_OPTIONS.map(({ value, label }) => ({ value, label }))}
              value={draft.outOfStockFallback ?? shopPolicy.outOfStockFallback}
              onChange={(value) => set("outOfStockFallback", value as OutOfStockFallback)}
              error={errorOf("outOfStockFallback")}
            />
          </InheritableField>
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="400">
          <Text as="h2" variant="headingMd">
            Questions to the shopper
          </Text>
          {yesNoField(
            "arrivalRequiresPreference",
            "Refund or replacement",
            "Whether a shopper reporting a damaged arrival must say if they want a refund or a replacement.",
            "Ask the shopper",
            "Do not ask",
          )}
          <InheritableField
            id="exclusionHandling"
            label="Causes the guarantee excludes"
            help="What happens when the shopper's answers point to a cause the guarantee does not cover (a fall, water)."
            shopValue={shopPolicy.exclusionHandling === "deny" ? "denied" : "reviewed by you"}
            inherited={draft.exclusionHandling === undefined}
            onInherit={(inherit) => set("exclusionHandling", inherit ? undefined : shopPolicy.exclusionHandling)}
          >
            <Select
              label="Causes the guarantee excludes"
              labelHidden
              options={[
                { label: "Review the claim", value: "review" },
                { label: "Deny the claim", value: "deny" },
              ]}
              value={draft.exclusionHandling ?? shopPolicy.exclusionHandling}
              onChange={(value) => set("exclusionHandling", value as ExclusionHandling)}
              error={errorOf("exclusionHandling")}
            />
          </InheritableField>
        </BlockStack>
      </Card>
    </BlockStack>
  );
}
