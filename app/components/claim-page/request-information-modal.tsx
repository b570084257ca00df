import { useState } from "react";
import { Banner, BlockStack, Modal, Text, TextField } from "@shopify/polaris";
import { errorTitle, useClaimAction } from "./use-claim-action";

export function RequestInformationModal({
  version,
  open,
  onClose,
}: {
  version: number;
  open: boolean;
  onClose: () => void;
}) {
  const [message, setMessage] = useState("");
  const { submit, submitting, error } = useClaimAction(version, () => {
    setMessage("");
    onClose();
  });
  return (
    <Modal
      open={open}
      onClose={onClose}
      title="Ask the shopper for more information"
      primaryAction={{
        content: "Send to shopper",
        onAction: () => submit("request_information", { message }),
        loading: submitting,
        disabled: message.trim() === "",
      }}
      secondaryActions={[{ content: "Cancel", onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {error ? (
            <Banner tone="critical" title={errorTitle(error, "Not sent")}>
              <p>{error.message}</p>
            </Banner>
          ) : null}
          <Text as="p">
            The shopper sees your message on their claim and can answer with text and files. The response clock pauses
            until they answer. Nothing changes in Shopify.
          </Text>
          <TextField
            label="Message to the shopper"
            value={message}
            onChange={setMessage}
            multiline={4}
            maxLength={5000}
            autoComplete="off"
            error={error?.code === "invalid_request" ? error.message : undefined}
          />
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
