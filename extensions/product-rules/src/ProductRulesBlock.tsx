import { render } from "preact";
import { useEffect, useState } from "preact/hooks";

// On Shopify's product page: the rules this product's claims follow (the shop policy with the
// product's override on top, each marked with where it comes from) and a link to its override in
// the app. The app's backend answers (GET /api/admin/product-rules/:productNumber): a relative
// URL is the app's, and the admin adds the merchant's session token to the request.
export default async () => {
  render(<ProductRulesBlock />, document.body);
};

/** The route's answer (app/services/product-overrides.server.ts loadProductRules). */
export interface ProductRules {
  hasOverride: boolean;
  editPath: string;
  rules: { label: string; value: string; source: "shop" | "product" }[];
  components: { name: string; chargeIfMissing: { amount: string; currencyCode: string } }[];
  componentsSource: "shop" | "product";
}

type State = { kind: "loading" } | { kind: "failed" } | { kind: "ready"; rules: ProductRules };

export const productNumberOf = (gid: string) => /^gid:\/\/shopify\/Product\/(\d+)$/.exec(gid)?.[1] ?? null;

/** Where the block's link goes: the app's page (`app:` is the embedded app, at its path). */
export const appLink = (path: string) => `app:${path.replace(/^\//, "")}`;

export async function fetchProductRules(productNumber: string): Promise<ProductRules> {
  const response = await fetch(`/api/admin/product-rules/${productNumber}`);
  if (!response.ok) throw new Error(`The app answered ${response.status}`);
  return (await response.json()) as ProductRules;
}

export function ProductRulesBlock() {
  const t = shopify.i18n.translate;
  const productNumber = productNumberOf(shopify.data.selected[0]?.id ?? "");
  const [state, setState] = useState<State>({ kind: "loading" });

  useEffect(() => {
    if (!productNumber) return void setState({ kind: "failed" });
    let cancelled = false;
    fetchProductRules(productNumber).then(
      (rules) => !cancelled && setState({ kind: "ready", rules }),
      () => !cancelled && setState({ kind: "failed" }),
    );
    return () => {
      cancelled = true;
    };
  }, [productNumber]);

  if (state.kind !== "ready") {
    return (
      <s-admin-block heading={t("heading")}>
        <s-stack gap="base">
          <s-paragraph>{state.kind === "loading" ? t("loading") : t("failed")}</s-paragraph>
          {state.kind === "failed" ? <s-link href={appLink("/app/products")}>{t("open")}</s-link> : null}
        </s-stack>
      </s-admin-block>
    );
  }
  const { rules } = state;
  const sourceBadge = (source: "shop" | "product") => (
    <s-badge tone={source === "product" ? "info" : "neutral"}>{t(`source.${source}`)}</s-badge>
  );
  const money = (m: { amount: string; currencyCode: string }) =>
    shopify.i18n.formatCurrency(Number(m.amount), { currency: m.currencyCode });

  return (
    <s-admin-block heading={t("heading")} collapsedSummary={rules.hasOverride ? t("hasOverride") : t("followsShop")}>
      <s-stack gap="base">
        <s-paragraph>{rules.hasOverride ? t("hasOverride") : t("followsShop")}</s-paragraph>
        <s-table variant="list">
          <s-table-header-row>
            <s-table-header listSlot="primary">{t("rule")}</s-table-header>
            <s-table-header listSlot="labeled">{t("value")}</s-table-header>
            <s-table-header listSlot="inline">{t("from")}</s-table-header>
          </s-table-header-row>
          <s-table-body>
            {rules.rules.map((rule) => (
              <s-table-row key={rule.label}>
                <s-table-cell>{rule.label}</s-table-cell>
                <s-table-cell>{rule.value}</s-table-cell>
                <s-table-cell>{sourceBadge(rule.source)}</s-table-cell>
              </s-table-row>
            ))}
          </s-table-body>
        </s-table>
        <s-stack gap="small-200">
          <s-stack direction="inline" gap="small-200" alignItems="center">
            <s-heading>{t("parts")}</s-heading>
            {sourceBadge(rules.componentsSource)}
          </s-stack>
          {rules.components.length === 0 ? (
            <s-paragraph>{t("noParts")}</s-paragraph>
          ) : (
            <s-unordered-list>
              {rules.components.map((c) => (
                <s-list-item key={c.name}>
                  {t("partCharge", { name: c.name, charge: money(c.chargeIfMissing) })}
                </s-list-item>
              ))}
            </s-unordered-list>
          )}
        </s-stack>
        <s-link href={appLink(rules.editPath)}>{t("edit")}</s-link>
      </s-stack>
    </s-admin-block>
  );
}
