import { useEffect, useRef, useState } from "preact/hooks";
import {
  ApiError,
  type ClaimDetail,
  type ClaimOptions,
  type ClaimPreview,
  type ClaimType,
  type Problem,
  type Resolution,
} from "../../shared/src/api";
import { formatDeadline, formatMoment } from "../../shared/src/dates";
import {
  ANSWER_KEYS,
  ARRIVAL_PROBLEMS,
  canPreview,
  claimability,
  DESCRIPTION_MAX,
  draftKey,
  missingFields,
  newDraft,
  offeredResolutions,
  requiredSlotsFrom,
  restoreDraft,
  SLOTS,
  switchType,
  toClaimDraft,
  toPreviewDraft,
  type Draft,
  type Slot,
} from "./draft";
import { EvidenceSlot } from "./EvidenceSlot";
import { checkedOf, useHost, valueOf, valuesOf, type Host } from "./host";
import { minutes, useUploads } from "./uploads";

/** How long the form waits after the last change before asking the server for a preview. */
export const PREVIEW_DELAY_MS = 400;

type PreviewState =
  { kind: "idle" } | { kind: "checking" } | { kind: "ready"; preview: ClaimPreview } | { kind: "failed" };

/** The claim form, started from the draft kept in storage when there is one. */
export function ClaimForm(props: { options: ClaimOptions; onSubmitted: (claim: ClaimDetail) => void }) {
  const { storage, orderId, t } = useHost();
  const [initial, setInitial] = useState<Draft | null>(null);
  useEffect(() => {
    storage.read<unknown>(draftKey(orderId)).then(
      (stored) => setInitial(restoreDraft(stored, props.options) ?? newDraft(props.options)),
      () => setInitial(newDraft(props.options)),
    );
  }, []);
  if (!initial) return <s-spinner accessibilityLabel={t("loading")} />;
  return <DraftForm {...props} initial={initial} />;
}

function DraftForm({
  options,
  initial,
  onSubmitted,
}: {
  options: ClaimOptions;
  initial: Draft;
  onSubmitted: (claim: ClaimDetail) => void;
}) {
  const host = useHost();
  const { t, api, storage, orderId } = host;
  const [draft, setDraft] = useState(initial);
  const change = (patch: Partial<Draft>) => setDraft((current) => ({ ...current, ...patch }));
  const uploads = useUploads(initial.uploads, (stored) => change({ uploads: stored }));
  const [preview, setPreview] = useState<PreviewState>({ kind: "idle" });
  // Slots the server asked for under each claim type; they stay marked once known.
  const [required, setRequired] = useState<Record<ClaimType, Slot[]>>({ arrival: [], warranty: [] });
  const [showErrors, setShowErrors] = useState(false);
  const [submitState, setSubmitState] = useState<{ kind: "idle" | "sending" } | { kind: "failed"; message: string }>({
    kind: "idle",
  });
  const sending = useRef(false);

  // Every change is kept, so a failed upload, a lost connection or leaving the page loses nothing.
  useEffect(() => {
    storage.write(draftKey(orderId), draft).catch(() => {});
  }, [draft]);

  // Choosing other items can take away what the shopper asked for: it is dropped, never sent.
  const offeredNow = offeredResolutions(options, draft).join(",");
  useEffect(() => {
    setDraft((current) =>
      current.resolution && !offeredNow.split(",").includes(current.resolution)
        ? { ...current, resolution: null }
        : current,
    );
  }, [offeredNow]);

  const previewBody = canPreview(draft) ? JSON.stringify(toPreviewDraft(orderId, draft)) : null;
  useEffect(() => {
    if (!previewBody) {
      setPreview({ kind: "idle" });
      return;
    }
    let cancelled = false;
    const type = draft.type;
    const timer = setTimeout(() => {
      setPreview({ kind: "checking" });
      api.preview(JSON.parse(previewBody)).then(
        (result) => {
          if (cancelled) return;
          setPreview({ kind: "ready", preview: result });
          const missing = requiredSlotsFrom(result);
          setRequired((current) => ({ ...current, [type]: [...new Set([...current[type], ...missing])] }));
        },
        () => !cancelled && setPreview({ kind: "failed" }),
      );
    }, PREVIEW_DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [previewBody]);

  const requiredSlots = required[draft.type];
  const missing = missingFields(draft, requiredSlots, new Date().toISOString().slice(0, 10));
  const errorFor = (field: (typeof missing)[number], key: string) =>
    showErrors && missing.includes(field) ? t(key) : undefined;

  async function submit() {
    if (sending.current) return; // a second tap while the first is on its way
    if (missing.length > 0 || uploads.busy) {
      setShowErrors(true);
      setSubmitState({ kind: "failed", message: t(uploads.busy ? "form.waitForUploads" : "form.incomplete") });
      return;
    }
    sending.current = true;
    setSubmitState({ kind: "sending" });
    try {
      const claim = await api.submit(toClaimDraft(orderId, draft));
      await storage.delete(draftKey(orderId)).catch(() => {});
      onSubmitted(claim);
    } catch (error) {
      setSubmitState({ kind: "failed", message: submitErrorMessage(host, error) });
    } finally {
      sending.current = false;
    }
  }

  const claimableTypes = (["arrival", "warranty"] as const).filter((type) =>
    options.items.some((item) => claimability(item, type).claimable),
  );
  const resolutions = offeredResolutions(options, draft);

  return (
    <s-stack gap="large">
      {claimableTypes.length > 1 ? (
        <s-choice-list
          label={t("form.type.label")}
          name="type"
          values={[draft.type]}
          onChange={(event) => {
            const type = valuesOf(event)[0] as ClaimType | undefined;
            if (type) setDraft((current) => switchType(current, type));
          }}
        >
          {claimableTypes.map((type) => (
            <s-choice key={type} value={type} selected={draft.type === type}>
              {t(`form.type.${type}`)}
            </s-choice>
          ))}
        </s-choice-list>
      ) : (
        <s-paragraph>{t(`form.type.only.${draft.type}`)}</s-paragraph>
      )}

      <s-section heading={t("form.items.heading")}>
        <s-stack gap="base">
          {options.items.map((item) => {
            const state = claimability(item, draft.type);
            const name = item.name ?? t("unnamedItem");
            if (!state.claimable) {
              return (
                <s-stack key={item.lineItemId}>
                  <s-text>{name}</s-text>
                  <s-text color="subdued">
                    {t(`form.items.why.${state.why}`, {
                      date: state.date ? formatDeadline(host.i18n, state.date, options.timezone) : "",
                    })}
                  </s-text>
                </s-stack>
              );
            }
            const quantity = draft.quantities[item.lineItemId] ?? 0;
            const setQuantity = (value: number) =>
              change({
                quantities: { ...draft.quantities, [item.lineItemId]: Math.max(0, Math.min(state.max, value)) },
              });
            const until = state.windowEndsAt
              ? t(state.estimated ? "form.items.untilEstimated" : "form.items.until", {
                  deadline: formatDeadline(host.i18n, state.windowEndsAt, options.timezone),
                })
              : null;
            return (
              <s-stack key={item.lineItemId} gap="small-200">
                {state.max === 1 ? (
                  <s-checkbox
                    label={name}
                    checked={quantity > 0}
                    onChange={(event) => setQuantity(checkedOf(event) ? 1 : 0)}
                  />
                ) : (
                  <s-number-field
                    label={t("form.items.quantity", { name, max: state.max })}
                    min={0}
                    max={state.max}
                    step={1}
                    value={String(quantity)}
                    onChange={(event) => setQuantity(Number(valueOf(event)) || 0)}
                  />
                )}
                {until && <s-text color="subdued">{until}</s-text>}
              </s-stack>
            );
          })}
          {showErrors && missing.includes("items") && <s-text tone="critical">{t("form.items.error")}</s-text>}
        </s-stack>
      </s-section>

      <s-section heading={t("form.problem.heading")}>
        <s-stack gap="base">
          {draft.type === "arrival" && (
            <s-choice-list
              label={t("form.problem.label")}
              name="problem"
              values={draft.problem ? [draft.problem] : []}
              error={errorFor("problem", "form.problem.error")}
              onChange={(event) => change({ problem: (valuesOf(event)[0] as Problem | undefined) ?? null })}
            >
              {ARRIVAL_PROBLEMS.map((problem) => (
                <s-choice key={problem} value={problem} selected={draft.problem === problem}>
                  {t(`problems.${problem}`)}
                </s-choice>
              ))}
            </s-choice-list>
          )}
          <s-text-area
            label={t(`form.description.label.${draft.type}`)}
            value={draft.description}
            maxLength={DESCRIPTION_MAX}
            rows={5}
            required
            error={errorFor("description", "form.description.error")}
            onInput={(event) => change({ description: valueOf(event) })}
          />
          <s-date-field
            label={t("form.noticed.label")}
            value={draft.noticedOn}
            error={errorFor("noticedOn", "form.noticed.error")}
            onChange={(event) => change({ noticedOn: valueOf(event) })}
          />
        </s-stack>
      </s-section>

      {/* The guarantee's exclusions ("the user voids the warranty if ..."): a warranty claim's questions.
          Asked of an arrival claim they read as an accusation, and the policy does not need them there. */}
      {draft.type === "warranty" && (
        <s-section heading={t("form.questions.heading")}>
          <s-stack gap="base">
            <s-paragraph>{t("form.questions.intro")}</s-paragraph>
            {ANSWER_KEYS.map((key) => {
              const answer = draft.answers[key];
              return (
                <s-choice-list
                  key={key}
                  label={t(`form.questions.${key}`)}
                  name={key}
                  values={answer === undefined ? [] : [answer ? "yes" : "no"]}
                  onChange={(event) => {
                    const value = valuesOf(event)[0];
                    change({ answers: { ...draft.answers, [key]: value === undefined ? undefined : value === "yes" } });
                  }}
                >
                  <s-choice value="no" selected={answer === false}>
                    {t("form.questions.no")}
                  </s-choice>
                  <s-choice value="yes" selected={answer === true}>
                    {t("form.questions.yes")}
                  </s-choice>
                </s-choice-list>
              );
            })}
          </s-stack>
        </s-section>
      )}

      <s-section heading={t("form.resolution.heading")}>
        {resolutions.length === 0 ? (
          <s-banner tone="warning">
            <s-paragraph>{t("form.resolution.noneInCommon")}</s-paragraph>
          </s-banner>
        ) : null}
        <s-choice-list
          label={t("form.resolution.label")}
          name="resolution"
          values={draft.resolution ? [draft.resolution] : []}
          onChange={(event) => change({ resolution: (valuesOf(event)[0] as Resolution | undefined) ?? null })}
        >
          {resolutions.map((resolution) => (
            <s-choice key={resolution} value={resolution} selected={draft.resolution === resolution}>
              {t(`resolutions.${resolution}`)}
            </s-choice>
          ))}
        </s-choice-list>
      </s-section>

      <s-section heading={t("evidence.heading")}>
        <s-stack gap="large">
          <s-paragraph>{t("evidence.intro")}</s-paragraph>
          {SLOTS.map((slot) => (
            <EvidenceSlot
              key={slot}
              slot={slot}
              uploads={uploads}
              required={requiredSlots.includes(slot)}
              error={errorFor(slot, "evidence.missing")}
            />
          ))}
        </s-stack>
      </s-section>

      <PreviewBox
        state={preview}
        type={draft.type}
        onSwitchToWarranty={() =>
          setDraft((current) => ({ ...switchType(current, "warranty"), quantities: current.quantities }))
        }
      />

      {submitState.kind === "failed" && <s-banner tone="critical">{submitState.message}</s-banner>}
      <s-button variant="primary" loading={submitState.kind === "sending"} onClick={() => void submit()}>
        {t("form.submit")}
      </s-button>
    </s-stack>
  );
}

function PreviewBox({
  state,
  type,
  onSwitchToWarranty,
}: {
  state: PreviewState;
  type: ClaimType;
  onSwitchToWarranty: () => void;
}) {
  const { t, i18n } = useHost();
  if (state.kind === "idle") return <s-paragraph>{t("preview.idle")}</s-paragraph>;
  if (state.kind === "checking") return <s-spinner accessibilityLabel={t("preview.checking")} />;
  if (state.kind === "failed") return <s-banner tone="warning">{t("preview.failed")}</s-banner>;
  const { preview } = state;
  if (preview.eligible) {
    return (
      <s-banner tone="success" heading={t("preview.eligible")}>
        {t("preview.replyBy", { dateTime: formatMoment(i18n, preview.responseDueAt) })}
      </s-banner>
    );
  }
  const messages = [
    ...preview.reasons.filter((reason) => reason.code !== "missing_evidence").map((reason) => reason.message),
    ...preview.missingEvidence.map((missing) => missing.message),
    ...preview.items.flatMap((item) => item.reasons.map((reason) => reason.message)),
  ].filter((message, index, all) => message && all.indexOf(message) === index);
  return (
    <s-banner tone="warning" heading={t("preview.notEligible")}>
      <s-stack gap="small-200">
        {messages.map((message) => (
          <s-text key={message}>{message}</s-text>
        ))}
        {preview.suggestedType === "warranty" && type === "arrival" && (
          <>
            <s-text>{t("preview.warrantyOpen")}</s-text>
            <s-button variant="secondary" onClick={onSwitchToWarranty}>
              {t("preview.switchToWarranty")}
            </s-button>
          </>
        )}
      </s-stack>
    </s-banner>
  );
}

/** Nothing is lost on failure: the message says the draft is kept and what to do. */
export function submitErrorMessage({ t }: Pick<Host, "t">, error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === "network" || error.status >= 500) return t("errors.submitNetwork");
    if (error.code === "rate_limited") return t("errors.rateLimited", { minutes: minutes(error.retryAfterSeconds) });
    if (error.message) return error.message;
  }
  return t("errors.submitNetwork");
}
