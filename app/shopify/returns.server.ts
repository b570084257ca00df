import { z } from "zod";
import type { AdminGraphql } from "./admin-client.server";
import { assertNoUserErrors, UserErrorsSchema } from "./errors.server";
import { withShopifyRetries } from "./retry.server";

// Shopify returns for claims that need the item back: returnCreate opens one (already approved,
// status OPEN) for the claimed fulfillment line items, so the merchant's admin shows it; when the
// claim resolves, returnProcess confirms the returned quantities, which closes it. The money goes
// back through refundCreate (the claim's refund), so no financial transfer is processed here.
// The ReturnReason enum is deprecated since 2026-01: the reason is the line's returnReasonNote,
// which also carries the claim's marker so that a retry can find a return it already opened.
// `notifyCustomer` (false when left out) is always sent, as the shop's notification setting says:
// Shopify's return emails or Warranty Desk's, never both.

const RETURN_CREATE_MUTATION = `#graphql
  mutation WarrantyDeskReturnCreate($returnInput: ReturnInput!) {
    returnCreate(returnInput: $returnInput) {
      return {
        id
        name
        status
        returnLineItems(first: 20) {
          nodes {
            id
            quantity
            processedQuantity
            returnReasonNote
            ... on ReturnLineItem {
              fulfillmentLineItem {
                id
              }
            }
          }
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const ORDER_RETURNS_QUERY = `#graphql
  query WarrantyDeskOrderReturns($orderId: ID!) {
    order(id: $orderId) {
      id
      returns(first: 10) {
        nodes {
          id
          name
          status
          returnLineItems(first: 20) {
            nodes {
              id
              quantity
              processedQuantity
              returnReasonNote
              ... on ReturnLineItem {
                fulfillmentLineItem {
                  id
                }
              }
            }
          }
        }
      }
    }
  }
`;

const RETURN_QUERY = `#graphql
  query WarrantyDeskReturn($id: ID!) {
    return(id: $id) {
      id
      name
      status
      returnLineItems(first: 20) {
        nodes {
          id
          quantity
          processedQuantity
          returnReasonNote
          ... on ReturnLineItem {
            fulfillmentLineItem {
              id
            }
          }
        }
      }
    }
  }
`;

const RETURN_PROCESS_MUTATION = `#graphql
  mutation WarrantyDeskReturnProcess($input: ReturnProcessInput!) {
    returnProcess(input: $input) {
      return {
        id
        name
        status
        returnLineItems(first: 20) {
          nodes {
            id
            quantity
            processedQuantity
            returnReasonNote
            ... on ReturnLineItem {
              fulfillmentLineItem {
                id
              }
            }
          }
        }
      }
      userErrors {
        field
        message
      }
    }
  }
`;

const ReturnSchema = z.object({
  id: z.string(),
  name: z.string(),
  // ReturnStatus may grow: read as a string.
  status: z.string(),
  returnLineItems: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        quantity: z.number().int(),
        processedQuantity: z.number().int(),
        returnReasonNote: z.string(),
        // Only on ReturnLineItem (unverified lines have none).
        fulfillmentLineItem: z.object({ id: z.string() }).optional(),
      }),
    ),
  }),
});

export interface ShopifyReturn {
  returnId: string;
  name: string;
  status: string;
  lines: {
    returnLineItemId: string;
    fulfillmentLineItemId: string | null;
    quantity: number;
    processedQuantity: number;
    note: string;
  }[];
}

const toReturn = (r: z.infer<typeof ReturnSchema>): ShopifyReturn => ({
  returnId: r.id,
  name: r.name,
  status: r.status,
  lines: r.returnLineItems.nodes.map((line) => ({
    returnLineItemId: line.id,
    fulfillmentLineItemId: line.fulfillmentLineItem?.id ?? null,
    quantity: line.quantity,
    processedQuantity: line.processedQuantity,
    note: line.returnReasonNote,
  })),
});

interface OpenReturnRequest {
  orderId: string;
  lines: readonly { fulfillmentLineItemId: string; quantity: number }[];
  /** Why the items come back, shown on each return line in the admin (and our retry marker). */
  note: string;
  /** Shopify emails the customer about the return (the shop's setting: its notifications, not ours). */
  notifyCustomer: boolean;
}

/** Opens a Shopify return (status OPEN) for the fulfillment line items. */
export async function openReturn(graphql: AdminGraphql, request: OpenReturnRequest): Promise<ShopifyReturn> {
  const response = await withShopifyRetries(graphql)(RETURN_CREATE_MUTATION, {
    variables: {
      returnInput: {
        orderId: request.orderId,
        notifyCustomer: request.notifyCustomer,
        returnLineItems: request.lines.map((line) => ({
          fulfillmentLineItemId: line.fulfillmentLineItemId,
          quantity: line.quantity,
          returnReasonNote: request.note,
        })),
      },
    },
  });
  const { returnCreate } = z
    .object({ returnCreate: z.object({ return: ReturnSchema.nullable(), userErrors: UserErrorsSchema }) })
    .parse((await response.json()).data);
  assertNoUserErrors("returnCreate", returnCreate.userErrors, returnCreate.return, "Shopify opened no return.");
  return toReturn(returnCreate.return);
}

/** The order's returns (the 10 first), or null when Shopify does not show the order. */
export async function fetchOrderReturns(graphql: AdminGraphql, orderId: string): Promise<ShopifyReturn[] | null> {
  const response = await withShopifyRetries(graphql)(ORDER_RETURNS_QUERY, { variables: { orderId } });
  const { order } = z
    .object({ order: z.object({ id: z.string(), returns: z.object({ nodes: z.array(ReturnSchema) }) }).nullable() })
    .parse((await response.json()).data);
  return order ? order.returns.nodes.map(toReturn) : null;
}

export async function fetchReturn(graphql: AdminGraphql, returnId: string): Promise<ShopifyReturn | null> {
  const response = await withShopifyRetries(graphql)(RETURN_QUERY, { variables: { id: returnId } });
  const data = z.object({ return: ReturnSchema.nullable() }).parse((await response.json()).data);
  return data.return ? toReturn(data.return) : null;
}

/**
 * Confirms the unprocessed quantities of every line as returned (not restocked: a claimed item is
 * faulty), which closes the return. No refund here: the claim's refund is its own step.
 * `notifyCustomer`: Shopify emails the customer that the return was processed.
 */
export async function processReturn(
  graphql: AdminGraphql,
  open: ShopifyReturn,
  note: string,
  notifyCustomer: boolean,
): Promise<ShopifyReturn> {
  const lines = open.lines.filter((line) => line.quantity > line.processedQuantity);
  const response = await withShopifyRetries(graphql)(RETURN_PROCESS_MUTATION, {
    variables: {
      input: {
        returnId: open.returnId,
        note,
        notifyCustomer,
        returnLineItems: lines.map((line) => ({
          id: line.returnLineItemId,
          quantity: line.quantity - line.processedQuantity,
        })),
      },
    },
  });
  const { returnProcess } = z
    .object({ returnProcess: z.object({ return: ReturnSchema.nullable(), userErrors: UserErrorsSchema }) })
    .parse((await response.json()).data);
  assertNoUserErrors("returnProcess", returnProcess.userErrors, returnProcess.return, "Shopify processed no return.");
  return toReturn(returnProcess.return);
}
