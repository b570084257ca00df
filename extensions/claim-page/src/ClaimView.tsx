import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type ClaimDetail } from "../../shared/src/api";
import { formatDay, formatMoment } from "../../shared/src/dates";
import { eventKey, statusKey } from "../../shared/src/claim-status";
import { claimPageUrl } from "../../shared/src/links";
import { submitErrorMessage } from "./ClaimForm";
import { EvidenceFile, EvidenceSlot } from "./EvidenceSlot";
import { useHost, valueOf } from "./host";
import { useUploads } from "./uploads";

// One claim's own page: where it stands, what happened so far, the merchant's messages, and what
// the shopper can do next (reply with more evidence, send the item back and give its tracking).

type State = { kind: "loading" } | { kind: "failed"; message: string } | { kind: "ready"; claim: ClaimDetail };

export function ClaimView({ claimId }: { claimId: string }) {
  const host = useHost();
  const { t, api, orderId } = host;
  const [state, setState] = useState<State>({ kind: "loading" });

  useEffect(() => {
    let cancelled = false;
    api.getClaim(claimId).then(
      (claim) => !cancelled && setState({ kind: "ready", claim }),
      (error: unknown) => {
        if (cancelled) return;
        const notFound = error instanceof ApiError && error.status === 404;
        setState({ kind: "failed", message: t(notFound ? "claim.notFound" : "errors.load") });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [claimId]);

  const back = <s-link href={claimPageUrl(orderId)}>{t("claim.back")}</s-link>;
  if (state.kind === "loading") return <s-spinner accessibilityLabel={t("loading")} />;
  if (state.kind === "failed") {
    return (
      <s-stack gap="base">
        <s-banner tone="critical">{state.message}</s-banner>
        {back}
      </s-stack>
    );
  }
  const { claim } = state;
  const update = (next: ClaimDetail) => setState({ kind: "ready", claim: next });
  const title = (lineItemId: string) =>
    claim.items.find((item) => item.lineItemId === lineItemId)?.title ?? t("unnamedItem");

  return (
    <s-stack gap="large">
      {back}
      <s-stack gap="small-200">
        <s-heading>{t("claim.heading", { number: claim.number })}</s-heading>
        <s-stack direction="inline" gap="base">
          <s-badge>{t(statusKey(claim.status))}</s-badge>
          <s-text>{t(`claimTypes.${claim.type}`)}</s-text>
        </s-stack>
        <s-text>{t(`nextStep.${claim.nextStep}`)}</s-text>
        {claim.respondBy && (
          <s-text>{t("claim.replyBy", { dateTime: formatMoment(host.i18n, claim.respondBy) })}</s-text>
        )}
      </s-stack>

      <s-section heading={t("claim.items")}>
        <s-unordered-list>
          {claim.items.map((item) => (
            <s-list-item key={item.lineItemId}>
              {t("claim.itemLine", { name: item.title ?? t("unnamedItem"), quantity: item.quantity })}
            </s-list-item>
          ))}
        </s-unordered-list>
        {claim.description && <s-paragraph>{claim.description}</s-paragraph>}
      </s-section>

      {claim.evidence.length > 0 && (
        <s-section heading={t("claim.evidence")}>
          <s-stack direction="inline" gap="base" alignItems="center">
            {claim.evidence.map((upload) => (
              <EvidenceFile key={upload.id} upload={upload} />
            ))}
          </s-stack>
        </s-section>
      )}

      {claim.outcome && (
        <s-section heading={t("claim.outcome.heading")}>
          <s-stack gap="small-200">
            {claim.outcome.items.map((item) => (
              <s-text key={item.lineItemId}>
                {item.outcome === "refunded" && item.amount && item.currencyCode
                  ? t("claim.outcome.refundedAmount", {
                      name: title(item.lineItemId),
                      amount: host.i18n.formatCurrency(Number(item.amount), { currency: item.currencyCode }),
                    })
                  : t(`claim.outcome.${item.outcome}`, { name: title(item.lineItemId) })}
              </s-text>
            ))}
            {claim.outcome.replacementOrderName && (
              <s-text>{t("claim.outcome.replacementOrder", { order: claim.outcome.replacementOrderName })}</s-text>
            )}
          </s-stack>
        </s-section>
      )}

      {claim.denial && (
        <s-section heading={t("claim.denial.heading")}>
          <s-stack gap="small-200">
            {claim.denial.items.map((item) => (
              <s-stack key={item.lineItemId}>
                {/* The clause in the shopper's words (the server's, in their language), never its code. */}
                <s-text>{t("claim.denial.item", { name: title(item.lineItemId), clause: item.clause })}</s-text>
                {item.note && <s-text color="subdued">{t("claim.denial.note", { note: item.note })}</s-text>}
              </s-stack>
            ))}
          </s-stack>
        </s-section>
      )}

      {claim.returnInstructions && <ReturnInstructions claim={claim} title={title} />}
      {claim.canSendTracking && <TrackingForm claim={claim} onSent={update} />}
      {claim.returnShipment && (
        <s-text>
          {t("claim.return.sent", {
            carrier: claim.returnShipment.carrier ?? "",
            tracking: claim.returnShipment.trackingNumber,
          })}
        </s-text>
      )}
      {claim.canReply && <ReplyBox claim={claim} onSent={update} />}

      <s-section heading={t("claim.timeline")}>
        <s-ordered-list>
          {claim.timeline.map((entry, index) => (
            <s-list-item key={`${entry.at}-${index}`}>
              <s-stack>
                <s-text>
                  {t("claim.timelineEntry", {
                    date: formatDay(host.i18n, entry.at),
                    what: t(eventKey(entry.type)),
                  })}
                </s-text>
                {entry.message && (
                  <s-text color={entry.actor === "merchant" ? "base" : "subdued"}>
                    {t(entry.actor === "merchant" ? "claim.merchantSaid" : "claim.youSaid", {
                      message: entry.message,
                    })}
                  </s-text>
                )}
              </s-stack>
            </s-list-item>
          ))}
        </s-ordered-list>
      </s-section>
    </s-stack>
  );
}

function ReturnInstructions({ claim, title }: { claim: ClaimDetail; title: (lineItemId: string) => string }) {
  const { t } = useHost();
  const instructions = claim.returnInstructions!;
  return (
    <s-section heading={t("claim.return.heading")}>
      <s-stack gap="base">
        {instructions.destinations.map((destination, index) => (
          <s-stack key={index}>
            <s-text>
              {t("claim.return.sendTo", {
                items: destination.items.map((item) => `${title(item.lineItemId)} × ${item.quantity}`).join(", "),
              })}
            </s-text>
            {destination.locationName && <s-text>{destination.locationName}</s-text>}
            {destination.address.map((line) => (
              <s-text key={line}>{line}</s-text>
            ))}
            {destination.overseas && <s-text>{t("claim.return.overseas")}</s-text>}
          </s-stack>
        ))}
        {instructions.components.length > 0 && (
          <s-text>{t("claim.return.components", { parts: instructions.components.join(", ") })}</s-text>
        )}
        <s-text>{t("claim.return.tracked")}</s-text>
        <s-text>{t(`claim.return.paidBy.${instructions.shippingPaidBy}`)}</s-text>
      </s-stack>
    </s-section>
  );
}

function TrackingForm({ claim, onSent }: { claim: ClaimDetail; onSent: (claim: ClaimDetail) => void }) {
  const host = useHost();
  const { t, api } = host;
  const [carrier, setCarrier] = useState("");
  const [tracking, setTracking] = useState("");
  const [state, setState] = useState<{ kind: "idle" | "sending" } | { kind: "failed"; message: string }>({
    kind: "idle",
  });
  const sending = useRef(false);
  async function send() {
    if (sending.current) return;
    if (!tracking.trim()) {
      setState({ kind: "failed", message: t("claim.return.trackingMissing") });
      return;
    }
    sending.current = true;
    setState({ kind: "sending" });
    try {
      onSent(await api.sendTracking(claim.id, carrier.trim(), tracking.trim()));
    } catch (error) {
      setState({ kind: "failed", message: submitErrorMessage(host, error) });
    } finally {
      sending.current = false;
    }
  }
  return (
    <s-section heading={t("claim.return.trackingHeading")}>
      <s-stack gap="base">
        <s-text-field
          label={t("claim.return.carrier")}
          value={carrier}
          onInput={(event) => setCarrier(valueOf(event))}
        />
        <s-text-field
          label={t("claim.return.trackingNumber")}
          value={tracking}
          required
          onInput={(event) => setTracking(valueOf(event))}
        />
        {state.kind === "failed" && <s-banner tone="critical">{state.message}</s-banner>}
        <s-button variant="primary" loading={state.kind === "sending"} onClick={() => void send()}>
          {t("claim.return.send")}
        </s-button>
      </s-stack>
    </s-section>
  );
}

function ReplyBox({ claim, onSent }: { claim: ClaimDetail; onSent: (claim: ClaimDetail) => void }) {
  const host = useHost();
  const { t, api, storage } = host;
  const key = `claim-reply:${claim.id}`;
  const [message, setMessage] = useState("");
  const [state, setState] = useState<{ kind: "idle" | "sending" } | { kind: "failed"; message: string }>({
    kind: "idle",
  });
  const uploads = useUploads([], () => {});
  const sending = useRef(false);

  // The reply being written is kept like the claim form's draft.
  useEffect(() => {
    storage.read<string>(key).then(
      (saved) => typeof saved === "string" && setMessage(saved),
      () => {},
    );
  }, [key]);

  async function send() {
    if (sending.current) return;
    if (!message.trim() || uploads.busy) {
      setState({ kind: "failed", message: t(uploads.busy ? "form.waitForUploads" : "claim.reply.empty") });
      return;
    }
    sending.current = true;
    setState({ kind: "sending" });
    try {
      const uploadIds = uploads.entries.flatMap((entry) => (entry.stored ? [entry.stored.id] : []));
      const next = await api.reply(claim.id, message.trim(), uploadIds);
      await storage.delete(key).catch(() => {});
      uploads.clear();
      setMessage("");
      setState({ kind: "idle" });
      onSent(next);
    } catch (error) {
      setState({ kind: "failed", message: submitErrorMessage(host, error) });
    } finally {
      sending.current = false;
    }
  }

  return (
    <s-section heading={t("claim.reply.heading")}>
      <s-stack gap="base">
        <s-text-area
          label={t("claim.reply.label")}
          value={message}
          rows={4}
          onInput={(event) => {
            const value = valueOf(event);
            setMessage(value);
            storage.write(key, value).catch(() => {});
          }}
        />
        <EvidenceSlot slot="issue" uploads={uploads} required={false} />
        {state.kind === "failed" && <s-banner tone="critical">{state.message}</s-banner>}
        <s-button variant="primary" loading={state.kind === "sending"} onClick={() => void send()}>
          {t("claim.reply.send")}
        </s-button>
      </s-stack>
    </s-section>
  );
}
