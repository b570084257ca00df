import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import prisma from "../db.server";
import { runSetupGuideAction } from "../services/setup-guide.server";
import { authenticate } from "../shopify.server";
import { errorResponse, methodNotAllowed } from "../utils/http.server";
import { readJsonBody } from "../utils/request-input.server";
import { withinBodyLimit } from "../utils/request-limits.server";
import { keepFormOnLostConnection } from "../utils/client-action";

// POST /app/setup-guide: the home's setup guide marks a step done or not done, or is dismissed
// ({ intent: "mark", step, done } or { intent: "dismiss" }, as JSON). Answers the guide's new state.
// A post lost with the connection keeps the page and what was typed (app/utils/client-action.ts).
export const clientAction = keepFormOnLostConnection;

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  try {
    if (request.method !== "POST") throw methodNotAllowed("POST");
    const body = await readJsonBody(await withinBodyLimit(request, "api"));
    return { guide: await runSetupGuideAction(prisma, session.shop, body, new Date()) };
  } catch (error) {
    return errorResponse(error);
  }
};

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  throw methodNotAllowed("POST");
};
