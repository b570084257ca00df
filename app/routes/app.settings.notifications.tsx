import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import prisma from "../db.server";
import { NotificationSettingsPage } from "../components/notifications/notification-settings-page";
import { loadNotificationSettings, saveNotificationSettings } from "../services/notification-settings.server";
import { authenticate } from "../shopify.server";
import { errorResponse } from "../utils/http.server";
import { withinBodyLimit } from "../utils/request-limits.server";
import { readJsonBody } from "../utils/request-input.server";
import { keepFormOnLostConnection, skipRevalidationAfterLostConnection } from "../utils/client-action";

export const meta: MetaFunction = () => [{ title: "Notifications · Settings · Warranty Desk" }];

// Who is emailed about claims, and how: the merchant's addresses, who tells the shopper about
// refunds and returns (our emails or Shopify's, never both), the reminder's lead time, the digest.
// Not fetched again after a post lost with the connection (app/utils/client-action.ts).
export const shouldRevalidate = skipRevalidationAfterLostConnection;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  try {
    return await loadNotificationSettings(prisma, admin.graphql, session.shop);
  } catch (error) {
    throw errorResponse(error);
  }
};

// A post lost with the connection keeps the page and what was typed (app/utils/client-action.ts).
export const clientAction = keepFormOnLostConnection;

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  try {
    const body = await readJsonBody(await withinBodyLimit(request, "api"));
    return await saveNotificationSettings(prisma, session.shop, body);
  } catch (error) {
    // Returned, not thrown: the form keeps what the merchant typed and marks the field.
    return errorResponse(error);
  }
};

export default function NotificationSettings() {
  return <NotificationSettingsPage settings={useLoaderData<typeof loader>()} />;
}
