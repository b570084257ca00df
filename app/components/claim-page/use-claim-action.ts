import { useEffect } from "react";
import { useFetcher } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import type { ClaimPageActionResult, ClaimPageIntent } from "../../services/claim-page-actions.server";
import type { ErrorBody } from "../../utils/http.server";

type ActionData = ClaimPageActionResult | ErrorBody;
export type ClaimActionError = ErrorBody["error"];

/**
 * Posts one claim page action with the claim's version the merchant saw, and tells them how it
 * went: an App Bridge toast (with a link to what changed in Shopify) when it is done, the error
 * for the form to show when it is not. A conflict reloads the page's data, so the fresh claim is
 * on screen under the message.
 */
export function useClaimAction(version: number, onDone?: (result: ClaimPageActionResult) => void) {
  const fetcher = useFetcher<ActionData>();
  const shopify = useAppBridge();
  const settled = fetcher.state === "idle" ? fetcher.data : undefined;
  const error = settled && "error" in settled ? settled.error : null;
  useEffect(() => {
    if (!settled || !("ok" in settled)) return;
    const link = settled.link;
    shopify.toast.show(
      settled.message,
      link ? { duration: 8000, action: link.label, onAction: () => open(link.url, "_top") } : undefined,
    );
    onDone?.(settled);
    // Once per answer: `settled` is the fetcher's settled data.
  }, [settled]);
  const submit = (intent: ClaimPageIntent, fields: Record<string, unknown> = {}) =>
    fetcher.submit({ ...fields, intent, version }, { method: "post", encType: "application/json" });
  return { submit, submitting: fetcher.state !== "idle", error, result: settled && "ok" in settled ? settled : null };
}

/** The banner title for an action's error. */
export const errorTitle = (error: ClaimActionError, fallback: string) =>
  error.code === "claim.changed_meanwhile" ? "The claim changed" : fallback;
