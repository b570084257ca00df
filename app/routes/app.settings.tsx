import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData, useOutlet } from "@remix-run/react";
import prisma from "../db.server";
import { PolicySettingsPage } from "../components/settings/policy-settings-page";
import { loadPolicySettings, savePolicySettings } from "../services/shop-policy-settings.server";
import { authenticate } from "../shopify.server";
import { errorResponse } from "../utils/http.server";
import { withinBodyLimit } from "../utils/request-limits.server";
import { readJsonBody } from "../utils/request-input.server";
import { keepFormOnLostConnection, skipRevalidationAfterLostConnection } from "../utils/client-action";

export const meta: MetaFunction = () => [{ title: "Settings · Warranty Desk" }];

// The shop policy: every field of the engine, grouped and explained, with a live preview of what
// shoppers get. Deadlines are calendar days in the shop's timezone, so the page names it.
// Not fetched again after a post lost with the connection (app/utils/client-action.ts).
export const shouldRevalidate = skipRevalidationAfterLostConnection;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  try {
    return await loadPolicySettings(prisma, admin.graphql, session.shop, new Date());
  } catch (error) {
    throw errorResponse(error);
  }
};

// The whole policy as JSON; a bad field is the merchant's 400 naming it, and nothing is saved.
// A post lost with the connection keeps the page and what was typed (app/utils/client-action.ts).
export const clientAction = keepFormOnLostConnection;

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  try {
    const body = await readJsonBody(await withinBodyLimit(request, "api"));
    return await savePolicySettings(prisma, session.shop, body);
  } catch (error) {
    // Returned, not thrown: the form keeps what the merchant typed and marks the field.
    return errorResponse(error);
  }
};

export default function Settings() {
  const settings = useLoaderData<typeof loader>();
  // Pages below /app/settings (return addresses, denial clauses) nest here by their file names.
  const child = useOutlet();
  return child ?? <PolicySettingsPage settings={settings} />;
}
