import { useState, type ComponentType } from "react";
import { BlockStack, Button, Card, Text } from "@shopify/polaris";
import type { ClaimPage } from "../../services/claim-page.server";
import type { ClaimPageIntent } from "../../services/claim-page-actions.server";
import { RequestInformationModal } from "./request-information-modal";
import { InspectReturnModal } from "./inspect-return-modal";
import { ResolveModal } from "./resolve-modal";
import { DecideModal, RequestReturnModal } from "./decide-modal";
import {
  CloseClaimModal,
  MarkReturnLostModal,
  ReceiveReturnModal,
  RecordUnrequestedReturnModal,
  ShipReturnModal,
} from "./return-step-modals";

// The claim's next steps: one button per action its status allows, each opening the modal that
// says what will happen (in Shopify too) before anything does. Add an action's button here.

export interface ClaimActionModalProps {
  claim: ClaimPage;
  open: boolean;
  onClose: () => void;
}

interface ActionButton {
  label: string;
  /** The one main step for the claim's status, shown first and filled. */
  primary?: boolean;
  Modal: ComponentType<ClaimActionModalProps>;
}

const BUTTONS: Partial<Record<ClaimPageIntent, ActionButton>> = {
  decide: { label: "Approve or deny", primary: true, Modal: DecideModal },
  request_return: { label: "Open the return in Shopify", primary: true, Modal: RequestReturnModal },
  request_information: {
    label: "Ask for more information",
    Modal: ({ claim, open, onClose }) => (
      <RequestInformationModal version={claim.version} open={open} onClose={onClose} />
    ),
  },
  receive_return: { label: "Mark return received", primary: true, Modal: ReceiveReturnModal },
  ship_return: { label: "Record return in transit", Modal: ShipReturnModal },
  record_unrequested_return: { label: "Record return that arrived unrequested", Modal: RecordUnrequestedReturnModal },
  mark_return_lost: { label: "Mark return lost in transit", Modal: MarkReturnLostModal },
  inspect_return: { label: "Inspect the return", primary: true, Modal: InspectReturnModal },
  resolve: { label: "Resolve", primary: true, Modal: ResolveModal },
  close: { label: "Close claim", primary: true, Modal: CloseClaimModal },
};

export function ClaimActionsCard({ claim }: { claim: ClaimPage }) {
  const [opened, setOpened] = useState<ClaimPageIntent | null>(null);
  const buttons = claim.actions.flatMap((intent) => {
    const button = BUTTONS[intent];
    return button ? [{ intent, ...button }] : [];
  });
  const ordered = [...buttons.filter((b) => b.primary), ...buttons.filter((b) => !b.primary)];
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Next steps
        </Text>
        {ordered.length === 0 ? (
          <Text as="p" tone="subdued">
            Nothing to do on this claim right now.
          </Text>
        ) : (
          ordered.map(({ intent, label, primary }) => (
            <Button key={intent} variant={primary ? "primary" : undefined} onClick={() => setOpened(intent)} fullWidth>
              {label}
            </Button>
          ))
        )}
      </BlockStack>
      {/* Every modal stays mounted: the claim's fresh data after an action may no longer allow it,
          and its answer (the toast) must still arrive. */}
      {Object.entries(BUTTONS).map(([intent, { Modal }]) => (
        <Modal key={intent} claim={claim} open={opened === intent} onClose={() => setOpened(null)} />
      ))}
    </Card>
  );
}
