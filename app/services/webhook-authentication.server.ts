import type { z } from "zod";
import { authenticate } from "../shopify.server";
import { logger } from "../utils/logger.server";
import { parseRequestInput, RequestInputError } from "../utils/request-input.server";
import { withinBodyLimit } from "../utils/request-limits.server";
import {
  FulfillmentEventPayloadSchema,
  FulfillmentPayloadSchema,
  OrderFulfilledPayloadSchema,
} from "./delivery-webhooks.server";
import {
  AppUninstalledPayloadSchema,
  CustomerDataRequestPayloadSchema,
  CustomerRedactPayloadSchema,
  ScopesUpdatePayloadSchema,
  ShopRedactPayloadSchema,
} from "./webhooks.server";

// One way in for every webhook route. Shopify signs the body only: the topic and shop headers are
// not covered by the HMAC, so a signed body could be replayed to another route or with another
// shop's header. A delivery is accepted only when the route, the topic header, the signed
// payload's shape and the shop the payload names all agree with each other.
// Answers: 413 over the body limit, 401 for a bad HMAC (the library), 400 for a delivery that
// contradicts itself or carries a payload we can never process (Shopify retries 5xx for two days,
// never 4xx). Our own failures (the database) are thrown on and stay 5xx.

/** Each topic the app subscribes to (shopify.app.toml) and its payload once parsed. */
interface WebhookPayloads {
  "app/uninstalled": z.output<typeof AppUninstalledPayloadSchema>;
  "app/scopes_update": z.output<typeof ScopesUpdatePayloadSchema>;
  "customers/data_request": z.output<typeof CustomerDataRequestPayloadSchema>;
  "customers/redact": z.output<typeof CustomerRedactPayloadSchema>;
  "shop/redact": z.output<typeof ShopRedactPayloadSchema>;
  "fulfillments/create": z.output<typeof FulfillmentPayloadSchema>;
  "fulfillments/update": z.output<typeof FulfillmentPayloadSchema>;
  "fulfillment_events/create": z.output<typeof FulfillmentEventPayloadSchema>;
  "orders/fulfilled": z.output<typeof OrderFulfilledPayloadSchema>;
}
type WebhookTopic = keyof WebhookPayloads;

interface WebhookContract<P> {
  schema: z.ZodType<P>;
  /** The shop the signed payload names, or null where the payload names none. */
  payloadShop: ((payload: P) => string) | null;
}

/** Each topic's payload schema and where its payload names the shop. */
const WEBHOOK_CONTRACTS: { [T in WebhookTopic]: WebhookContract<WebhookPayloads[T]> } = {
  // The Shop resource: `domain` is the primary (possibly custom) domain, `myshopify_domain` the shop.
  "app/uninstalled": { schema: AppUninstalledPayloadSchema, payloadShop: (shop) => shop.myshopify_domain },
  // Names the shop by its numeric id only (shop_id), which we do not store: HMAC alone.
  "app/scopes_update": { schema: ScopesUpdatePayloadSchema, payloadShop: null },
  "customers/data_request": { schema: CustomerDataRequestPayloadSchema, payloadShop: (p) => p.shop_domain },
  "customers/redact": { schema: CustomerRedactPayloadSchema, payloadShop: (p) => p.shop_domain },
  "shop/redact": { schema: ShopRedactPayloadSchema, payloadShop: (p) => p.shop_domain },
  // Fulfillment, fulfillment event and order payloads carry no shop field: bound by the HMAC alone.
  "fulfillments/create": { schema: FulfillmentPayloadSchema, payloadShop: null },
  "fulfillments/update": { schema: FulfillmentPayloadSchema, payloadShop: null },
  "fulfillment_events/create": { schema: FulfillmentEventPayloadSchema, payloadShop: null },
  "orders/fulfilled": { schema: OrderFulfilledPayloadSchema, payloadShop: null },
};

interface AuthenticatedWebhook<P> {
  shop: string;
  /** As the library reports it ("SHOP_REDACT"), the form stored with each processed delivery. */
  topic: string;
  webhookId: string;
  payload: P;
}

/** The library's form of a topic: "shop/redact" -> "SHOP_REDACT". */
const libraryTopic = (topic: string) => topic.toUpperCase().replace(/[/.]/g, "_");

type Rejection = "malformed_json" | "topic_mismatch" | "invalid_payload" | "shop_mismatch";

/** Logs the rejected delivery (never its payload) and gives the 400 to throw. */
function rejected(code: Rejection, message: string, log: Record<string, unknown>): Response {
  logger.warn(`Webhook delivery rejected: ${code}`, log);
  return Response.json({ error: { code, message } }, { status: 400 });
}

async function isJson(request: Request): Promise<boolean> {
  try {
    JSON.parse(await request.text());
    return true;
  } catch {
    return false;
  }
}

/**
 * Authenticates a webhook delivery for the route that handles `topic` and returns its payload
 * parsed by the topic's schema. Throws the Response to answer when the delivery is refused.
 */
export function authenticateWebhook<T extends WebhookTopic>(
  request: Request,
  topic: T,
): Promise<AuthenticatedWebhook<WebhookPayloads[T]>> {
  const contract: WebhookContract<WebhookPayloads[T]> = WEBHOOK_CONTRACTS[topic];
  return authenticateAgainst(request, topic, contract);
}

async function authenticateAgainst<P>(
  request: Request,
  topic: WebhookTopic,
  { schema, payloadShop }: WebhookContract<P>,
): Promise<AuthenticatedWebhook<P>> {
  const limited = await withinBodyLimit(request, "webhook");
  const copy = limited.clone();
  let context: Awaited<ReturnType<typeof authenticate.webhook>>;
  try {
    context = await authenticate.webhook(limited);
  } catch (error) {
    // The library parses the body only after the HMAC checked out: a signed body that is not JSON.
    if (!(error instanceof Response) && !(await isJson(copy))) {
      throw rejected("malformed_json", `The ${topic} webhook's body is not valid JSON.`, {
        topic,
        shop: request.headers.get("x-shopify-shop-domain"),
        webhookId: request.headers.get("x-shopify-webhook-id"),
      });
    }
    throw error;
  }
  const { shop, webhookId } = context;
  if (context.topic !== libraryTopic(topic)) {
    throw rejected("topic_mismatch", `This address receives ${topic} webhooks, not ${context.topic}.`, {
      topic,
      receivedTopic: context.topic,
      shop,
      webhookId,
    });
  }
  let payload: P;
  try {
    // The signed payload is the sender's input: a payload that fails its schema is their 400.
    payload = parseRequestInput(schema, context.payload);
  } catch (error) {
    if (!(error instanceof RequestInputError)) throw error;
    // Where the payload is wrong, never what it holds: paths and issue codes only.
    const issues = error.zodError.issues.map((issue) => ({ path: issue.path.join("."), code: issue.code }));
    throw rejected(
      "invalid_payload",
      `The ${topic} payload is not what Shopify documents: ${issues.map((i) => i.path || "body").join(", ")}.`,
      { topic, shop, webhookId, issues },
    );
  }
  const named = payloadShop?.(payload);
  if (named !== undefined && named.toLowerCase() !== shop.toLowerCase()) {
    throw rejected("shop_mismatch", "The payload names another shop than the X-Shopify-Shop-Domain header.", {
      topic,
      shop,
      payloadShop: named,
      webhookId,
    });
  }
  return { shop, topic: context.topic, webhookId, payload };
}
