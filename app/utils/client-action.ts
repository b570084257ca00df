import type { ClientActionFunctionArgs, ShouldRevalidateFunction } from "@remix-run/react";
import type { ErrorBody } from "./http.server";

const CONNECTION_LOST: ErrorBody = {
  error: {
    code: "connection_lost",
    message:
      "Nothing was saved: the connection to the app was lost. Check your connection and try again; what you entered is still here.",
  },
};

/**
 * Every admin form's route uses this as its `clientAction`: a post that never reached the server
 * (the browser's fetch rejects with a TypeError when the connection drops) comes back as the form's
 * own error body, so the page and what the merchant typed stay, instead of Remix replacing the page
 * with the route's error boundary. Answers the server gave, errors included, pass through unchanged.
 */
export async function keepFormOnLostConnection({ serverAction }: ClientActionFunctionArgs) {
  try {
    return await serverAction();
  } catch (error) {
    if (error instanceof TypeError) return CONNECTION_LOST;
    throw error;
  }
}

/**
 * Every admin route with a loader uses this as its `shouldRevalidate`: after a post lost with the
 * connection, the loaders are not fetched again (they would fail the same way and replace the page
 * with the error boundary); any other action revalidates as Remix would.
 */
export const skipRevalidationAfterLostConnection: ShouldRevalidateFunction = ({
  actionResult,
  defaultShouldRevalidate,
}) =>
  (actionResult as Partial<ErrorBody> | undefined)?.error?.code === CONNECTION_LOST.error.code
    ? false
    : defaultShouldRevalidate;
