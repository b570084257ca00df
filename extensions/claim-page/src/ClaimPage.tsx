import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError, createApi, type ClaimDetail, type ClaimOptions, type ClaimSummary } from "../../shared/src/api";
import { whyNothingClaimable } from "../../shared/src/claimable";
import { formatMoment } from "../../shared/src/dates";
import { claimIdOf, claimPageUrl } from "../../shared/src/links";
import { ClaimForm } from "./ClaimForm";
import { statusKey } from "../../shared/src/claim-status";
import { ClaimView } from "./ClaimView";
import { nothingClaimable } from "./draft";
import { HostContext, useHost, type Host } from "./host";

// The order's claim page (customer-account.order.page.render): the claim form, and each claim's
// own page at .../claims/<id>. Opened from the "Report a problem" menu item and the order-status block.
export default async () => {
  render(<ClaimPage />, document.body);
};

export function createHost(): Host {
  const { order, i18n, sessionToken, localization, storage } = shopify;
  return {
    orderId: order.value?.id ?? "",
    // The host's functions need no `this` (the other targets call them unbound too).
    t: i18n.translate,
    i18n,
    api: createApi({
      sessionToken: () => sessionToken.get(),
      language: () => localization.language.value.isoCode,
    }),
    storage,
  };
}

export function ClaimPage() {
  const [host] = useState(createHost);
  const [url, setUrl] = useState(() => navigation.currentEntry?.url ?? null);
  useEffect(() => {
    const follow = () => setUrl(navigation.currentEntry?.url ?? null);
    navigation.addEventListener("currententrychange", follow);
    return () => navigation.removeEventListener("currententrychange", follow);
  }, []);
  const claimId = claimIdOf(url);
  return (
    <HostContext.Provider value={host}>
      <s-page heading={host.t(claimId ? "page.claimHeading" : "page.heading")}>
        {claimId ? <ClaimView key={claimId} claimId={claimId} /> : <OrderClaims />}
      </s-page>
    </HostContext.Provider>
  );
}

type State =
  | { kind: "loading" }
  | { kind: "failed"; message: string }
  | { kind: "ready"; options: ClaimOptions; claims: ClaimSummary[] };

/** The order's claims so far, then the form (or one sentence when nothing can be reported). */
export function OrderClaims() {
  const host = useHost();
  const { t, api, orderId } = host;
  const [state, setState] = useState<State>({ kind: "loading" });
  const [submitted, setSubmitted] = useState<ClaimDetail | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    Promise.all([api.claimOptions(orderId), api.listClaims(orderId)]).then(
      ([options, claims]) => !cancelled && setState({ kind: "ready", options, claims }),
      (error: unknown) => {
        if (cancelled) return;
        const notLoggedIn = error instanceof ApiError && error.code === "customer.not_logged_in";
        setState({ kind: "failed", message: t(notLoggedIn ? "errors.notLoggedIn" : "errors.load") });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  if (state.kind === "loading") return <s-spinner accessibilityLabel={t("loading")} />;
  if (state.kind === "failed") {
    return (
      <s-stack gap="base">
        <s-banner tone="critical">{state.message}</s-banner>
        <s-button onClick={() => setAttempt((n) => n + 1)}>{t("retry")}</s-button>
      </s-stack>
    );
  }
  const claims = submitted ? [submitted, ...state.claims.filter((c) => c.id !== submitted.id)] : state.claims;
  return (
    <s-stack gap="large">
      {submitted && (
        <s-banner tone="success" heading={t("confirmation.heading", { number: submitted.number })}>
          <s-stack gap="small-200">
            <s-text>
              {submitted.respondBy
                ? t("confirmation.replyBy", { dateTime: formatMoment(host.i18n, submitted.respondBy) })
                : t("confirmation.received")}
            </s-text>
            <s-link href={claimPageUrl(orderId, submitted.id)}>{t("confirmation.view")}</s-link>
          </s-stack>
        </s-banner>
      )}
      {claims.length > 0 && (
        <s-section heading={t("claims.heading")}>
          <s-stack gap="base">
            {claims.map((claim) => (
              <s-stack key={claim.id}>
                <s-link href={claimPageUrl(orderId, claim.id)}>
                  {t("claims.title", { number: claim.number, status: t(statusKey(claim.status)) })}
                </s-link>
                <s-text color="subdued">{t(`nextStep.${claim.nextStep}`)}</s-text>
              </s-stack>
            ))}
          </s-stack>
        </s-section>
      )}
      {nothingClaimable(state.options) ? (
        // One true sentence, also after the last item was claimed (no "Report another problem" then).
        <s-paragraph>{t(`nothingClaimable.${whyNothingClaimable(state.options)}`)}</s-paragraph>
      ) : submitted ? (
        <s-button variant="secondary" onClick={() => setSubmitted(null)}>
          {t("confirmation.another")}
        </s-button>
      ) : (
        <s-section heading={t("form.heading")}>
          <ClaimForm
            options={state.options}
            onSubmitted={(claim) => {
              setSubmitted(claim);
              setAttempt((n) => n + 1); // the options changed: what was claimed is no longer claimable
            }}
          />
        </s-section>
      )}
    </s-stack>
  );
}
