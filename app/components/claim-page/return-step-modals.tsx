import { useState, type ReactNode } from "react";
import { Banner, BlockStack, Modal, Text, TextField } from "@shopify/polaris";
import type { ClaimPage } from "../../services/claim-page.server";
import type { ClaimPageIntent } from "../../services/claim-page-actions.server";
import { errorTitle, useClaimAction } from "./use-claim-action";

// The return's steps on the claim page: each modal says what happens to the claim, to the shopper
// and in Shopify before anything does, and keeps what the merchant typed when it fails.

interface StepModalProps {
  claim: ClaimPage;
  open: boolean;
  onClose: () => void;
}

/** What the claim's Shopify return does meanwhile: nothing; an open one is closed when the claim resolves. */
function shopifyReturnText(claim: ClaimPage, whileOpen: string): string {
  const opened = claim.return?.shopifyReturn;
  if (!opened) return "Nothing changes in Shopify.";
  const name = opened.name ? `the Shopify return ${opened.name}` : "the claim's Shopify return";
  // Closed or cancelled in the admin meanwhile (or no longer shown): it is left as it is.
  if (opened.status !== "OPEN") return `Nothing changes in Shopify: ${name} is no longer open there.`;
  return `Nothing changes in Shopify now: ${name} stays open${whileOpen}.`;
}

function NoteStepModal({
  claim,
  open,
  onClose,
  intent,
  title,
  confirm,
  destructive,
  noteLabel,
  children,
}: StepModalProps & {
  intent: ClaimPageIntent;
  title: string;
  confirm: string;
  destructive?: boolean;
  noteLabel: string;
  children: ReactNode;
}) {
  const [note, setNote] = useState("");
  const { submit, submitting, error } = useClaimAction(claim.version, () => {
    setNote("");
    onClose();
  });
  return (
    <Modal
      open={open}
      onClose={onClose}
      title={title}
      primaryAction={{
        content: confirm,
        destructive: destructive ?? false,
        onAction: () => submit(intent, { note }),
        loading: submitting,
      }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {error ? (
            <Banner tone="critical" title={errorTitle(error, "Not saved")}>
              <p>{error.message}</p>
            </Banner>
          ) : null}
          {children}
          <TextField
            label={noteLabel}
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

export function ShipReturnModal({ claim, open, onClose }: StepModalProps) {
  const [trackingNumber, setTrackingNumber] = useState("");
  const [carrier, setCarrier] = useState("");
  const { submit, submitting, error } = useClaimAction(claim.version, () => {
    setTrackingNumber("");
    setCarrier("");
    onClose();
  });
  const fieldError = (field: string) =>
    error?.code === "invalid_request" && error.field === field ? error.message : undefined;
  return (
    <Modal
      open={open}
      onClose={onClose}
      title="Record the return in transit"
      primaryAction={{
        content: "Record in transit",
        onAction: () => submit("ship_return", { trackingNumber, carrier }),
        loading: submitting,
        disabled: trackingNumber.trim() === "",
      }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {error ? (
            <Banner tone="critical" title={errorTitle(error, "Not recorded")}>
              <p>{error.message}</p>
            </Banner>
          ) : null}
          <Text as="p">
            For a return the shopper told you about outside the app. The claim shows the return as on its way, with the
            tracking number, and so does the shopper&apos;s claim page. {shopifyReturnText(claim, "")}
          </Text>
          <TextField
            label="Tracking number"
            value={trackingNumber}
            onChange={setTrackingNumber}
            maxLength={100}
            autoComplete="off"
            error={fieldError("trackingNumber")}
          />
          <TextField
            label="Carrier"
            helpText="Optional, for example DHL or UPS."
            value={carrier}
            onChange={setCarrier}
            maxLength={100}
            autoComplete="off"
            error={fieldError("carrier")}
          />
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}

export function ReceiveReturnModal(props: StepModalProps) {
  const { claim } = props;
  const tracked = claim.return?.shipment;
  return (
    <NoteStepModal
      {...props}
      intent="receive_return"
      title="Mark the return received"
      confirm="Mark received"
      noteLabel="Note on the parcel"
    >
      <Text as="p">
        {tracked
          ? `The parcel ${tracked.carrier ? `${tracked.carrier} ` : ""}${tracked.trackingNumber} arrived.`
          : "The item arrived, without a tracking number from the shopper."}{" "}
        The claim moves to inspection, where you check the components that came back. The shopper sees that the return
        arrived. {shopifyReturnText(claim, " and is closed when you resolve the claim")}
      </Text>
    </NoteStepModal>
  );
}

export function RecordUnrequestedReturnModal(props: StepModalProps) {
  const undecided = props.claim.status === "submitted" || props.claim.status === "needs_information";
  return (
    <NoteStepModal
      {...props}
      intent="record_unrequested_return"
      title="Record a return that arrived without a request"
      confirm="Record arrival"
      noteLabel="Note on the parcel"
    >
      <Text as="p">
        The shopper sent the item back before a return was requested (the guarantee asks them to contact you first). The
        claim&apos;s log records that it arrived unrequested, and the shopper sees that it arrived.{" "}
        {undecided
          ? "The claim still needs your decision and its response clock keeps running; once you approve it, mark the return received and inspect it."
          : "The claim moves to inspection, without a return request to the shopper."}{" "}
        Nothing changes in Shopify: no Shopify return is opened for it.
      </Text>
    </NoteStepModal>
  );
}

export function MarkReturnLostModal(props: StepModalProps) {
  return (
    <NoteStepModal
      {...props}
      intent="mark_return_lost"
      title="Mark the return lost in transit"
      confirm="Mark lost"
      destructive
      noteLabel="What happened"
    >
      <BlockStack gap="200">
        <Text as="p">
          The guarantee does not cover items lost on their way back (it advises shoppers to ship tracked). After this,
          you can close the claim, or resolve it anyway if you decide to cover the loss. The shopper sees the return as
          lost.
        </Text>
        <Text as="p">
          {shopifyReturnText(props.claim, ": cancel it in the order in Shopify if the parcel does not turn up")}
        </Text>
      </BlockStack>
    </NoteStepModal>
  );
}

export function CloseClaimModal(props: StepModalProps) {
  return (
    <NoteStepModal {...props} intent="close" title="Close the claim" confirm="Close claim" noteLabel="Closing note">
      <Text as="p">
        The claim is finished: it stays in the inbox under Resolved, no action is offered on it any more, and the
        shopper sees it as closed.{" "}
        {props.claim.status === "return_lost"
          ? shopifyReturnText(props.claim, ": cancel it in the order in Shopify, since the parcel never came")
          : "Nothing changes in Shopify."}
      </Text>
    </NoteStepModal>
  );
}
