import { useState } from "react";
import {
  Banner,
  BlockStack,
  Checkbox,
  ChoiceList,
  Divider,
  List,
  Modal,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import type { Resolution } from "../../domain/claim-lifecycle/claim-state";
import type { ClaimPage } from "../../services/claim-page.server";
import { RESOLUTION_LABELS } from "../claim-labels";
import type { ClaimActionModalProps } from "./claim-actions";
import { NOTHING_IN_SHOPIFY_UNTIL_RESOLVED, returnSentence } from "./decision-words";
import { errorTitle, useClaimAction, type ClaimActionError } from "./use-claim-action";

// The merchant's decision: per item approve (resolution, how many units) or deny citing a clause,
// whether approved items come back and who pays their shipping, and a message to the shopper. The
// confirmation says what happens in Shopify before anything does; what the merchant typed stays
// when the server says no.

type Payer = "merchant" | "customer";

interface ItemForm {
  decision: "approve" | "deny" | "";
  resolution: Resolution;
  quantity: string;
  clause: string;
  note: string;
}

/** The shopper's preference when the claim's policy offers it, else the first it offers. */
function initialResolution(claim: ClaimPage): ItemForm["resolution"] {
  const { resolutions } = claim.evaluation;
  const preferred = claim.submission.preferredResolution;
  return preferred && resolutions.includes(preferred) ? preferred : (resolutions[0] ?? "refund");
}

const initialItem = (claim: ClaimPage, quantity: number): ItemForm => ({
  decision: "",
  resolution: initialResolution(claim),
  quantity: String(quantity),
  clause: "",
  note: "",
});

const PAYER_TEXT: Record<Payer, string> = {
  merchant: "You pay the return shipping.",
  customer: "The shopper pays the return shipping.",
};

const clauseOf = (claim: ClaimPage, reason: string) => claim.evaluation.clauses.find((c) => c.reason === reason);

/** The fields the form marks with the server's error; any other error is told in the banner. */
const MARKED_FIELD = /^(items\.\d+\.(decision|resolution|quantity|clause|note)|returnShippingPaidBy|note)$/;

/** The server's error for one field, e.g. "items.1.note". */
const fieldError = (error: ClaimActionError | null, field: string) =>
  error?.field === field ? error.message.replace(/^[\w.]+: /, "") : undefined;

function approvedUnits(form: ItemForm, claimed: number): number {
  const units = Number(form.quantity);
  return Number.isInteger(units) && units > 0 && units <= claimed ? units : claimed;
}

/** The sentences of the confirmation, from the form as it stands. */
function consequences(claim: ClaimPage, items: ItemForm[], returnRequired: boolean, payer: Payer | ""): string[] {
  const approved = claim.items.flatMap((item, index) =>
    items[index]!.decision === "approve"
      ? [
          {
            title: item.title,
            quantity: approvedUnits(items[index]!, item.quantity),
            returnTo: claim.evaluation.returnTo[item.lineItemId] ?? [],
          },
        ]
      : [],
  );
  const denied = claim.items.flatMap((item, index) => {
    const form = items[index]!;
    const clause = form.decision === "deny" ? clauseOf(claim, form.clause) : undefined;
    return clause ? [`${item.title}: the shopper reads “${clause.shopperWords.en}”`] : [];
  });
  const sentences: string[] = [];
  if (approved.length === 0) {
    sentences.push("Nothing changes in Shopify. The claim is closed as denied.");
  } else if (returnRequired) {
    sentences.push(returnSentence(claim.orderName, approved));
    if (payer) sentences.push(PAYER_TEXT[payer]);
  } else {
    sentences.push(
      `The shopper keeps the ${approved.length === 1 ? "item" : "items"}. ${NOTHING_IN_SHOPIFY_UNTIL_RESOLVED}`,
    );
  }
  return [...sentences, ...denied];
}

export function DecideModal({ claim, open, onClose }: ClaimActionModalProps) {
  const [items, setItems] = useState<ItemForm[]>(() => claim.items.map((item) => initialItem(claim, item.quantity)));
  const [returnRequired, setReturnRequired] = useState(claim.policy.returnRequired);
  const snapshotPayer = claim.policy.returnShippingPaidBy;
  const [payer, setPayer] = useState<Payer | "">(snapshotPayer === "decided_on_review" ? "" : snapshotPayer);
  const [message, setMessage] = useState("");
  const [notices, setNotices] = useState<string[]>([]);
  const { submit, submitting, error } = useClaimAction(claim.version, (result) => {
    if (result.notices?.length) setNotices(result.notices);
    else onClose();
  });
  const close = () => {
    setNotices([]);
    onClose();
  };

  const update = (index: number, change: Partial<ItemForm>) =>
    setItems((current) => current.map((item, i) => (i === index ? { ...item, ...change } : item)));
  const anyApproved = items.some((item) => item.decision === "approve");
  const complete =
    items.every(
      (item) =>
        item.decision === "approve" ||
        (item.decision === "deny" && item.clause !== "" && (item.clause !== "other" || item.note.trim() !== "")),
    ) &&
    (!anyApproved || !returnRequired || payer !== "");
  const { resolutions, clauses } = claim.evaluation;

  const send = () =>
    submit("decide", {
      items: claim.items.map((claimed, index) => {
        const form = items[index]!;
        return form.decision === "approve"
          ? {
              lineItemId: claimed.lineItemId,
              decision: "approve",
              resolution: form.resolution,
              quantity: form.quantity,
            }
          : { lineItemId: claimed.lineItemId, decision: "deny", clause: form.clause, note: form.note };
      }),
      returnRequired,
      ...(anyApproved && returnRequired && payer ? { returnShippingPaidBy: payer } : {}),
      note: message,
    });

  if (notices.length > 0) {
    return (
      <Modal
        open={open}
        onClose={close}
        title="The decision is saved"
        primaryAction={{ content: "Close", onAction: close }}
      >
        <Modal.Section>
          <Banner tone="warning" title="The return is not open in Shopify yet">
            <List type="bullet">
              {notices.map((notice) => (
                <List.Item key={notice}>{notice}</List.Item>
              ))}
            </List>
          </Banner>
        </Modal.Section>
      </Modal>
    );
  }

  return (
    <Modal
      open={open}
      onClose={onClose}
      title={`Decide claim #${claim.number}`}
      primaryAction={{ content: "Send decision", onAction: send, loading: submitting, disabled: !complete }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      {error ? (
        <Modal.Section>
          <Banner tone="critical" title={errorTitle(error, "The decision was not saved")}>
            <p>
              {error.field && MARKED_FIELD.test(error.field)
                ? "Check the field marked below, then send the decision again."
                : error.message}
            </p>
          </Banner>
        </Modal.Section>
      ) : null}
      {claim.items.map((claimed, index) => {
        const form = items[index]!;
        const clause = clauseOf(claim, form.clause);
        return (
          <Modal.Section key={claimed.lineItemId}>
            <BlockStack gap="300">
              <ChoiceList
                title={`${claimed.quantity} × ${claimed.title}`}
                choices={[
                  { label: "Approve", value: "approve" },
                  { label: "Deny", value: "deny" },
                ]}
                selected={form.decision ? [form.decision] : []}
                onChange={([decision]) => update(index, { decision: decision as ItemForm["decision"] })}
                error={fieldError(error, `items.${index}.decision`)}
              />
              {form.decision === "approve" ? (
                <BlockStack gap="200">
                  <Select
                    label={`Resolution for ${claimed.title}`}
                    options={resolutions.map((value) => ({ label: RESOLUTION_LABELS[value], value }))}
                    value={form.resolution}
                    onChange={(value) => update(index, { resolution: value as Resolution })}
                    error={fieldError(error, `items.${index}.resolution`)}
                  />
                  {claimed.quantity > 1 ? (
                    <TextField
                      label={`Units approved of ${claimed.title}`}
                      type="number"
                      min={1}
                      max={claimed.quantity}
                      value={form.quantity}
                      onChange={(quantity) => update(index, { quantity })}
                      autoComplete="off"
                      helpText={`Up to the ${claimed.quantity} claimed; the rest are not approved.`}
                      error={fieldError(error, `items.${index}.quantity`)}
                    />
                  ) : null}
                </BlockStack>
              ) : null}
              {form.decision === "deny" ? (
                <BlockStack gap="200">
                  <Select
                    label={`Clause for denying ${claimed.title}`}
                    placeholder="Choose the clause that applies"
                    options={clauses.map((c) => ({ label: c.label, value: c.reason }))}
                    value={form.clause}
                    onChange={(value) => update(index, { clause: value })}
                    helpText={
                      clause
                        ? `${clause.guarantee ? `${clause.guarantee}. ` : ""}The shopper reads: “${clause.shopperWords.en}”`
                        : undefined
                    }
                    error={fieldError(error, `items.${index}.clause`)}
                  />
                  <TextField
                    label={`Note to the shopper about ${claimed.title}${form.clause === "other" ? "" : " (optional)"}`}
                    value={form.note}
                    onChange={(note) => update(index, { note })}
                    multiline={2}
                    maxLength={5000}
                    autoComplete="off"
                    error={fieldError(error, `items.${index}.note`)}
                  />
                </BlockStack>
              ) : null}
            </BlockStack>
          </Modal.Section>
        );
      })}
      <Modal.Section>
        <BlockStack gap="300">
          {anyApproved ? (
            <BlockStack gap="200">
              <Checkbox
                label="The shopper sends approved items back"
                helpText={`The policy when filed: ${claim.policy.returnRequired ? "return required" : "no return required"}.`}
                checked={returnRequired}
                onChange={setReturnRequired}
              />
              {returnRequired ? (
                <ChoiceList
                  title="Who pays the return shipping"
                  choices={[
                    { label: "You (the merchant)", value: "merchant" },
                    { label: "The shopper", value: "customer" },
                  ]}
                  selected={payer ? [payer] : []}
                  onChange={([value]) => setPayer(value as Payer)}
                  error={fieldError(error, "returnShippingPaidBy")}
                />
              ) : null}
            </BlockStack>
          ) : null}
          <TextField
            label="Message to the shopper (optional)"
            value={message}
            onChange={setMessage}
            multiline={3}
            maxLength={5000}
            autoComplete="off"
            error={fieldError(error, "note")}
          />
          <Divider />
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              What happens
            </Text>
            {complete ? (
              consequences(claim, items, returnRequired, payer).map((sentence) => (
                <Text as="p" key={sentence}>
                  {sentence}
                </Text>
              ))
            ) : (
              <Text as="p" tone="subdued">
                Approve or deny each item (with its clause, and a note when no clause fits) to see what happens in
                Shopify.
              </Text>
            )}
            <Text as="p" tone="subdued">
              The shopper sees the decision on their claim.
            </Text>
          </BlockStack>
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

/** After a decision whose Shopify return could not be opened: open it now. */
export function RequestReturnModal({ claim, open, onClose }: ClaimActionModalProps) {
  const decidedOnReview = claim.policy.returnShippingPaidBy === "decided_on_review";
  const [payer, setPayer] = useState<Payer | "">("");
  const { submit, submitting, error } = useClaimAction(claim.version, () => onClose());
  const approved = claim.items.flatMap((item) =>
    item.decision?.kind === "approve"
      ? [
          {
            title: item.title,
            quantity: item.decision.quantity,
            returnTo: claim.evaluation.returnTo[item.lineItemId] ?? [],
          },
        ]
      : [],
  );
  return (
    <Modal
      open={open}
      onClose={onClose}
      title="Open the return in Shopify"
      primaryAction={{
        content: "Open return",
        onAction: () => submit("request_return", payer ? { returnShippingPaidBy: payer } : {}),
        loading: submitting,
        disabled: decidedOnReview && payer === "",
      }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {error ? (
            <Banner tone="critical" title={errorTitle(error, "The return is not open yet")}>
              <p>{error.message}</p>
            </Banner>
          ) : null}
          {approved.length > 0 ? <Text as="p">{returnSentence(claim.orderName, approved)}</Text> : null}
          {decidedOnReview ? (
            <ChoiceList
              title="Who pays the return shipping"
              choices={[
                { label: "You (the merchant)", value: "merchant" },
                { label: "The shopper", value: "customer" },
              ]}
              selected={payer ? [payer] : []}
              onChange={([value]) => setPayer(value as Payer)}
              error={fieldError(error, "returnShippingPaidBy")}
            />
          ) : (
            <Text as="p">{PAYER_TEXT[claim.policy.returnShippingPaidBy as Payer]}</Text>
          )}
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
