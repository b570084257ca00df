import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import { ApiError, fetchClaimOptions, type ClaimOption, type ClaimOptions } from "./api";
import { arrivalMessage, warrantyMessage, type WindowMessage } from "./windows";

// The "Report a problem" action on an order: for each item, whether damage on arrival or a
// warranty problem can be reported, and until when (in the shop's timezone).
export default async () => {
  render(<ClaimAction />, document.body);
};

type State = { kind: "loading" } | { kind: "failed"; message: string } | { kind: "ready"; options: ClaimOptions };

function ClaimAction() {
  const t = shopify.i18n.translate;
  const [state, setState] = useState<State>({ kind: "loading" });

  useEffect(() => {
    let cancelled = false;
    shopify.sessionToken
      .get()
      .then((token) => fetchClaimOptions(shopify.orderId, token))
      .then(
        (options) => !cancelled && setState({ kind: "ready", options }),
        (error: unknown) => {
          if (cancelled) return;
          const notLoggedIn = error instanceof ApiError && error.code === "customer.not_logged_in";
          setState({ kind: "failed", message: t(notLoggedIn ? "notLoggedIn" : "loadFailed") });
        },
      );
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <s-customer-account-action heading={t("heading")}>
      {state.kind === "loading" && <s-spinner accessibilityLabel={t("loading")} />}
      {state.kind === "failed" && <s-banner tone="critical">{state.message}</s-banner>}
      {state.kind === "ready" && <ItemList options={state.options} />}
      <s-button slot="primary-action" onClick={() => shopify.close()}>
        {t("close")}
      </s-button>
    </s-customer-account-action>
  );
}

function ItemList({ options }: { options: ClaimOptions }) {
  const t = shopify.i18n.translate;
  if (options.items.length === 0) return <s-banner tone="info">{t("noItems")}</s-banner>;
  return (
    <s-stack gap="base">
      <s-paragraph>{t("intro")}</s-paragraph>
      {options.items.map((item) => (
        <ItemWindows key={item.lineItemId} item={item} timezone={options.timezone} />
      ))}
    </s-stack>
  );
}

function ItemWindows({ item, timezone }: { item: ClaimOption; timezone: string }) {
  const t = shopify.i18n.translate;
  const say = (message: WindowMessage) =>
    t(message.key, {
      date: message.date
        ? shopify.i18n.formatDate(new Date(message.date), {
            weekday: "long",
            day: "numeric",
            month: "long",
            year: "numeric",
            timeZone: timezone,
          })
        : "",
    });
  const warranty = warrantyMessage(item);
  return (
    <s-section heading={item.name ?? t("unnamedItem")}>
      <s-stack gap="small-200">
        <s-text>{say(arrivalMessage(item.arrival))}</s-text>
        {warranty && <s-text>{say(warranty)}</s-text>}
      </s-stack>
    </s-section>
  );
}
