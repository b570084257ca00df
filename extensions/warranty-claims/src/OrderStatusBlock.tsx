import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { createApi, type ClaimOptions, type ClaimSummary } from "../../shared/src/api";
import { whyNothingClaimable } from "../../shared/src/claimable";
import { formatDeadline } from "../../shared/src/dates";
import { useHostSignal } from "../../shared/src/host-signal";
import { statusKey } from "../../shared/src/claim-status";
import { claimPageUrl } from "../../shared/src/links";

// On the order status page: the shopper's claims on this order (status and next step, each linking
// to its page) and one line on what can still be reported, with a link to the claim form.
export default async () => {
  render(<OrderStatusBlock />, document.body);
};

type State =
  { kind: "loading" } | { kind: "failed" } | { kind: "ready"; options: ClaimOptions; claims: ClaimSummary[] };

/** The latest open deadline of a claim type across the order's items, if any. */
export function lastOpenDeadline(options: ClaimOptions, type: "arrival" | "warranty") {
  const open = options.items
    .filter((item) => item[type].open && item.claimableQuantity > 0 && item[type].windowEndsAt)
    .map((item) => ({ end: item[type].windowEndsAt!, estimated: item[type].deliveryDateEstimated === true }))
    .sort((a, b) => b.end.localeCompare(a.end));
  return open[0] ?? null;
}

export function OrderStatusBlock() {
  const t = shopify.i18n.translate;
  const orderId = useHostSignal(shopify.order)?.id ?? "";
  // The block also shows on the pre-authenticated order status page; it follows a login.
  const loggedIn = useHostSignal(shopify.authenticationState) === "fully_authenticated";
  const [state, setState] = useState<State>({ kind: "loading" });

  useEffect(() => {
    if (!loggedIn || !orderId) return;
    let cancelled = false;
    const api = createApi({
      sessionToken: () => shopify.sessionToken.get(),
      language: () => shopify.localization.language.value.isoCode,
    });
    Promise.all([api.claimOptions(orderId), api.listClaims(orderId)]).then(
      ([options, claims]) => !cancelled && setState({ kind: "ready", options, claims }),
      () => !cancelled && setState({ kind: "failed" }),
    );
    return () => {
      cancelled = true;
    };
  }, [loggedIn, orderId]);

  if (!loggedIn) {
    return (
      <s-section heading={t("block.heading")}>
        <s-stack gap="base">
          <s-paragraph>{t("block.logIn")}</s-paragraph>
          <s-button onClick={() => void shopify.requireLogin()}>{t("block.logInButton")}</s-button>
        </s-stack>
      </s-section>
    );
  }
  if (state.kind === "loading") return <s-spinner accessibilityLabel={t("loading")} />;
  if (state.kind === "failed") {
    return (
      <s-section heading={t("block.heading")}>
        <s-paragraph>{t("loadFailed")}</s-paragraph>
      </s-section>
    );
  }
  const { options, claims } = state;
  const i18n = { formatDate: shopify.i18n.formatDate, translate: t };
  const arrival = lastOpenDeadline(options, "arrival");
  const warranty = lastOpenDeadline(options, "warranty");
  const deadline = (d: { end: string; estimated: boolean }) =>
    formatDeadline(i18n, d.end, options.timezone) + (d.estimated ? ` ${t("block.estimated")}` : "");
  return (
    <s-section heading={t("block.heading")}>
      <s-stack gap="base">
        {claims.map((claim) => (
          <s-stack key={claim.id}>
            <s-link href={claimPageUrl(orderId, claim.id)}>
              {t("block.claim", { number: claim.number, status: t(statusKey(claim.status)) })}
            </s-link>
            <s-text color="subdued">{t(`nextStep.${claim.nextStep}`)}</s-text>
          </s-stack>
        ))}
        {arrival || warranty ? (
          <s-stack gap="small-200">
            {arrival && <s-text>{t("block.canReportArrival", { deadline: deadline(arrival) })}</s-text>}
            {warranty && <s-text>{t("block.canReportWarranty", { deadline: deadline(warranty) })}</s-text>}
            <s-link href={claimPageUrl(orderId)}>{t("menuItem")}</s-link>
          </s-stack>
        ) : (
          <s-text>{t(`block.nothing.${whyNothingClaimable(options)}`)}</s-text>
        )}
      </s-stack>
    </s-section>
  );
}
