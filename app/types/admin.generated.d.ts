/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type WarrantyDeskReplacementDraftOrderCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.DraftOrderInput;
}>;


export type WarrantyDeskReplacementDraftOrderCreateMutation = { draftOrderCreate?: AdminTypes.Maybe<{ draftOrder?: AdminTypes.Maybe<(
      Pick<AdminTypes.DraftOrder, 'id' | 'name' | 'status'>
      & { totalPriceSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, order?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id' | 'name'>> }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type WarrantyDeskReplacementDraftOrderCompleteMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type WarrantyDeskReplacementDraftOrderCompleteMutation = { draftOrderComplete?: AdminTypes.Maybe<{ draftOrder?: AdminTypes.Maybe<(
      Pick<AdminTypes.DraftOrder, 'id' | 'name' | 'status'>
      & { order?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id' | 'name'>> }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type WarrantyDeskDraftOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type WarrantyDeskDraftOrderQuery = { draftOrder?: AdminTypes.Maybe<(
    Pick<AdminTypes.DraftOrder, 'id' | 'name' | 'status'>
    & { order?: AdminTypes.Maybe<Pick<AdminTypes.Order, 'id' | 'name'>> }
  )> };

export type WarrantyDeskPaymentRequestDraftOrderCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.DraftOrderInput;
}>;


export type WarrantyDeskPaymentRequestDraftOrderCreateMutation = { draftOrderCreate?: AdminTypes.Maybe<{ draftOrder?: AdminTypes.Maybe<Pick<AdminTypes.DraftOrder, 'id' | 'name' | 'status' | 'invoiceUrl' | 'invoiceSentAt'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type WarrantyDeskPaymentRequestInvoiceSendMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  email?: AdminTypes.InputMaybe<AdminTypes.EmailInput>;
}>;


export type WarrantyDeskPaymentRequestInvoiceSendMutation = { draftOrderInvoiceSend?: AdminTypes.Maybe<{ draftOrder?: AdminTypes.Maybe<Pick<AdminTypes.DraftOrder, 'id' | 'name' | 'status' | 'invoiceUrl' | 'invoiceSentAt'>>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type WarrantyDeskPaymentRequestDraftOrderQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type WarrantyDeskPaymentRequestDraftOrderQuery = { draftOrder?: AdminTypes.Maybe<Pick<AdminTypes.DraftOrder, 'id' | 'name' | 'status' | 'invoiceUrl' | 'invoiceSentAt'>> };

export type WarrantyDeskVariantAvailabilityQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type WarrantyDeskVariantAvailabilityQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.ProductVariant, 'id' | 'displayName'>
    & { inventoryItem: (
      Pick<AdminTypes.InventoryItem, 'tracked'>
      & { inventoryLevels: { nodes: Array<{ location: Pick<AdminTypes.Location, 'id'>, quantities: Array<Pick<AdminTypes.InventoryQuantity, 'name' | 'quantity'>> }> } }
    ) }
  )>> };

export type WarrantyDeskReturnLocationsQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type WarrantyDeskReturnLocationsQuery = { nodes: Array<AdminTypes.Maybe<(
    Pick<AdminTypes.Location, 'id' | 'name'>
    & { address: Pick<AdminTypes.LocationAddress, 'formatted'> }
  )>> };

export type WarrantyDeskShopLocationsQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type WarrantyDeskShopLocationsQuery = { locations: { nodes: Array<(
      Pick<AdminTypes.Location, 'id' | 'name' | 'isActive'>
      & { address: Pick<AdminTypes.LocationAddress, 'address1' | 'zip' | 'countryCode' | 'formatted'> }
    )> } };

export type WarrantyDeskOrderFactsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type WarrantyDeskOrderFactsQuery = { shop: Pick<AdminTypes.Shop, 'ianaTimezone' | 'currencyCode'>, order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'currencyCode' | 'presentmentCurrencyCode' | 'email' | 'customerLocale'>
    & { customer?: AdminTypes.Maybe<(
      Pick<AdminTypes.Customer, 'id' | 'displayName'>
      & { defaultEmailAddress?: AdminTypes.Maybe<Pick<AdminTypes.CustomerEmailAddress, 'emailAddress'>> }
    )>, lineItems: { nodes: Array<(
        Pick<AdminTypes.LineItem, 'id' | 'name' | 'quantity' | 'currentQuantity' | 'refundableQuantity'>
        & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>>, discountedUnitPriceAfterAllDiscountsSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
      )> }, fulfillments: Array<(
      Pick<AdminTypes.Fulfillment, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'deliveredAt' | 'estimatedDeliveryAt' | 'inTransitAt'>
      & { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>>, trackingInfo: Array<Pick<AdminTypes.FulfillmentTrackingInfo, 'number' | 'company' | 'url'>>, events: { nodes: Array<Pick<AdminTypes.FulfillmentEvent, 'status' | 'happenedAt'>> }, fulfillmentLineItems: { nodes: Array<(
          Pick<AdminTypes.FulfillmentLineItem, 'id' | 'quantity'>
          & { lineItem: Pick<AdminTypes.LineItem, 'id'> }
        )> } }
    )>, fulfillmentOrders: { nodes: Array<(
        Pick<AdminTypes.FulfillmentOrder, 'id'>
        & { assignedLocation: (
          Pick<AdminTypes.FulfillmentOrderAssignedLocation, 'countryCode'>
          & { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }
        ), fulfillments: { nodes: Array<Pick<AdminTypes.Fulfillment, 'id'>> } }
      )> }, transactions: Array<(
      Pick<AdminTypes.OrderTransaction, 'id' | 'kind' | 'status' | 'gateway' | 'processedAt'>
      & { parentTransaction?: AdminTypes.Maybe<Pick<AdminTypes.OrderTransaction, 'id'>>, amountSet: { shopMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'>, presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
    )> }
  )> };

export type WarrantyDeskOrderSearchQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  first: AdminTypes.Scalars['Int']['input'];
}>;


export type WarrantyDeskOrderSearchQuery = { shop: Pick<AdminTypes.Shop, 'ianaTimezone'>, orders: { nodes: Array<(
      Pick<AdminTypes.Order, 'id' | 'name' | 'processedAt' | 'displayFulfillmentStatus'>
      & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'displayName'>> }
    )> } };

export type WarrantyDeskProductPolicyOverrideSetMutationVariables = AdminTypes.Exact<{
  metafields: Array<AdminTypes.MetafieldsSetInput> | AdminTypes.MetafieldsSetInput;
}>;


export type WarrantyDeskProductPolicyOverrideSetMutation = { metafieldsSet?: AdminTypes.Maybe<{ metafields?: AdminTypes.Maybe<Array<Pick<AdminTypes.Metafield, 'id' | 'namespace' | 'key' | 'value' | 'updatedAt'>>>, userErrors: Array<Pick<AdminTypes.MetafieldsSetUserError, 'field' | 'message'>> }> };

export type WarrantyDeskProductTitlesQueryVariables = AdminTypes.Exact<{
  ids: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
}>;


export type WarrantyDeskProductTitlesQuery = { nodes: Array<AdminTypes.Maybe<Pick<AdminTypes.Product, 'id' | 'title'>>> };

export type WarrantyDeskSuggestedRefundQueryVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
  refundLineItems?: AdminTypes.InputMaybe<Array<AdminTypes.RefundLineItemInput> | AdminTypes.RefundLineItemInput>;
}>;


export type WarrantyDeskSuggestedRefundQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { suggestedRefund?: AdminTypes.Maybe<{ amountSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, maximumRefundableSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, suggestedTransactions: Array<(
        Pick<AdminTypes.SuggestedOrderTransaction, 'gateway' | 'kind'>
        & { parentTransaction?: AdminTypes.Maybe<(
          Pick<AdminTypes.OrderTransaction, 'id' | 'formattedGateway'>
          & { paymentDetails?: AdminTypes.Maybe<Pick<AdminTypes.CardPaymentDetails, 'company' | 'number'>> }
        )>, amountSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, maximumRefundableSet?: AdminTypes.Maybe<{ presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }> }
      )> }> }
  )> };

export type WarrantyDeskRefundCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.RefundInput;
  idempotencyKey: AdminTypes.Scalars['String']['input'];
}>;


export type WarrantyDeskRefundCreateMutation = { refundCreate?: AdminTypes.Maybe<{ refund?: AdminTypes.Maybe<(
      Pick<AdminTypes.Refund, 'id' | 'createdAt'>
      & { totalRefundedSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, transactions: { nodes: Array<(
          Pick<AdminTypes.OrderTransaction, 'id' | 'gateway' | 'kind' | 'status'>
          & { amountSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> } }
        )> } }
    )>, userErrors: Array<Pick<AdminTypes.UserError, 'field' | 'message'>> }> };

export type WarrantyDeskReturnCreateMutationVariables = AdminTypes.Exact<{
  returnInput: AdminTypes.ReturnInput;
}>;


export type WarrantyDeskReturnCreateMutation = { returnCreate?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<(
      Pick<AdminTypes.Return, 'id' | 'name' | 'status'>
      & { returnLineItems: { nodes: Array<(
          Pick<AdminTypes.ReturnLineItem, 'id' | 'quantity' | 'processedQuantity' | 'returnReasonNote'>
          & { fulfillmentLineItem: Pick<AdminTypes.FulfillmentLineItem, 'id'> }
        ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity' | 'processedQuantity' | 'returnReasonNote'>> } }
    )>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message'>> }> };

export type WarrantyDeskOrderReturnsQueryVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
}>;


export type WarrantyDeskOrderReturnsQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { returns: { nodes: Array<(
        Pick<AdminTypes.Return, 'id' | 'name' | 'status'>
        & { returnLineItems: { nodes: Array<(
            Pick<AdminTypes.ReturnLineItem, 'id' | 'quantity' | 'processedQuantity' | 'returnReasonNote'>
            & { fulfillmentLineItem: Pick<AdminTypes.FulfillmentLineItem, 'id'> }
          ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity' | 'processedQuantity' | 'returnReasonNote'>> } }
      )> } }
  )> };

export type WarrantyDeskReturnQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type WarrantyDeskReturnQuery = { return?: AdminTypes.Maybe<(
    Pick<AdminTypes.Return, 'id' | 'name' | 'status'>
    & { returnLineItems: { nodes: Array<(
        Pick<AdminTypes.ReturnLineItem, 'id' | 'quantity' | 'processedQuantity' | 'returnReasonNote'>
        & { fulfillmentLineItem: Pick<AdminTypes.FulfillmentLineItem, 'id'> }
      ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity' | 'processedQuantity' | 'returnReasonNote'>> } }
  )> };

export type WarrantyDeskReturnProcessMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.ReturnProcessInput;
}>;


export type WarrantyDeskReturnProcessMutation = { returnProcess?: AdminTypes.Maybe<{ return?: AdminTypes.Maybe<(
      Pick<AdminTypes.Return, 'id' | 'name' | 'status'>
      & { returnLineItems: { nodes: Array<(
          Pick<AdminTypes.ReturnLineItem, 'id' | 'quantity' | 'processedQuantity' | 'returnReasonNote'>
          & { fulfillmentLineItem: Pick<AdminTypes.FulfillmentLineItem, 'id'> }
        ) | Pick<AdminTypes.UnverifiedReturnLineItem, 'id' | 'quantity' | 'processedQuantity' | 'returnReasonNote'>> } }
    )>, userErrors: Array<Pick<AdminTypes.ReturnUserError, 'field' | 'message'>> }> };

export type WarrantyDeskShippedOrdersQueryVariables = AdminTypes.Exact<{
  first: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
  query: AdminTypes.Scalars['String']['input'];
}>;


export type WarrantyDeskShippedOrdersQuery = { orders: { pageInfo: Pick<AdminTypes.PageInfo, 'hasNextPage' | 'endCursor'>, nodes: Array<(
      Pick<AdminTypes.Order, 'id'>
      & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>>, fulfillmentOrders: { nodes: Array<{ assignedLocation: { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>> }, fulfillments: { nodes: Array<Pick<AdminTypes.Fulfillment, 'id'>> } }> }, fulfillments: Array<(
        Pick<AdminTypes.Fulfillment, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'deliveredAt' | 'estimatedDeliveryAt'>
        & { location?: AdminTypes.Maybe<Pick<AdminTypes.Location, 'id'>>, events: { nodes: Array<Pick<AdminTypes.FulfillmentEvent, 'status' | 'happenedAt'>> }, fulfillmentLineItems: { nodes: Array<(
            Pick<AdminTypes.FulfillmentLineItem, 'quantity'>
            & { lineItem: (
              Pick<AdminTypes.LineItem, 'id'>
              & { product?: AdminTypes.Maybe<Pick<AdminTypes.Product, 'id'>>, variant?: AdminTypes.Maybe<Pick<AdminTypes.ProductVariant, 'id'>> }
            ) }
          )> } }
      )> }
    )> } };

export type WarrantyDeskShopContactQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type WarrantyDeskShopContactQuery = { shop: Pick<AdminTypes.Shop, 'name' | 'email' | 'contactEmail' | 'ianaTimezone' | 'myshopifyDomain'> };

export type WarrantyDeskShopProfileQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type WarrantyDeskShopProfileQuery = { shop: Pick<AdminTypes.Shop, 'id' | 'name' | 'myshopifyDomain' | 'ianaTimezone' | 'currencyCode'> };

interface GeneratedQueryTypes {
  "#graphql\n  query WarrantyDeskDraftOrder($id: ID!) {\n    draftOrder(id: $id) {\n      id\n      name\n      status\n      order {\n        id\n        name\n      }\n    }\n  }\n": {return: WarrantyDeskDraftOrderQuery, variables: WarrantyDeskDraftOrderQueryVariables},
  "#graphql\n  query WarrantyDeskPaymentRequestDraftOrder($id: ID!) {\n    draftOrder(id: $id) {\n      id\n      name\n      status\n      invoiceUrl\n      invoiceSentAt\n    }\n  }\n": {return: WarrantyDeskPaymentRequestDraftOrderQuery, variables: WarrantyDeskPaymentRequestDraftOrderQueryVariables},
  "#graphql\n  query WarrantyDeskVariantAvailability($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on ProductVariant {\n        id\n        displayName\n        inventoryItem {\n          tracked\n          inventoryLevels(first: 20) {\n            nodes {\n              location {\n                id\n              }\n              quantities(names: [\"available\"]) {\n                name\n                quantity\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: WarrantyDeskVariantAvailabilityQuery, variables: WarrantyDeskVariantAvailabilityQueryVariables},
  "#graphql\n  query WarrantyDeskReturnLocations($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Location {\n        id\n        name\n        address {\n          formatted\n        }\n      }\n    }\n  }\n": {return: WarrantyDeskReturnLocationsQuery, variables: WarrantyDeskReturnLocationsQueryVariables},
  "#graphql\n  query WarrantyDeskShopLocations {\n    locations(first: 250, includeInactive: true, sortKey: NAME) {\n      nodes {\n        id\n        name\n        isActive\n        address {\n          address1\n          zip\n          countryCode\n          formatted\n        }\n      }\n    }\n  }\n": {return: WarrantyDeskShopLocationsQuery, variables: WarrantyDeskShopLocationsQueryVariables},
  "#graphql\n  query WarrantyDeskOrderFacts($id: ID!) {\n    shop {\n      ianaTimezone\n      currencyCode\n    }\n    order(id: $id) {\n      id\n      name\n      createdAt\n      currencyCode\n      presentmentCurrencyCode\n      email\n      customerLocale\n      customer {\n        id\n        displayName\n        defaultEmailAddress {\n          emailAddress\n        }\n      }\n      lineItems(first: 30) {\n        nodes {\n          id\n          name\n          quantity\n          currentQuantity\n          refundableQuantity\n          product {\n            id\n          }\n          variant {\n            id\n          }\n          discountedUnitPriceAfterAllDiscountsSet {\n            shopMoney {\n              amount\n              currencyCode\n            }\n            presentmentMoney {\n              amount\n              currencyCode\n            }\n          }\n        }\n      }\n      fulfillments(first: 8) {\n        id\n        status\n        createdAt\n        updatedAt\n        deliveredAt\n        estimatedDeliveryAt\n        inTransitAt\n        location {\n          id\n        }\n        trackingInfo(first: 3) {\n          number\n          company\n          url\n        }\n        events(first: 5, sortKey: HAPPENED_AT, reverse: true) {\n          nodes {\n            status\n            happenedAt\n          }\n        }\n        fulfillmentLineItems(first: 20) {\n          nodes {\n            id\n            quantity\n            lineItem {\n              id\n            }\n          }\n        }\n      }\n      fulfillmentOrders(first: 5) {\n        nodes {\n          id\n          assignedLocation {\n            countryCode\n            location {\n              id\n            }\n          }\n          fulfillments(first: 5) {\n            nodes {\n              id\n            }\n          }\n        }\n      }\n      transactions(first: 10) {\n        id\n        kind\n        status\n        gateway\n        processedAt\n        parentTransaction {\n          id\n        }\n        amountSet {\n          shopMoney {\n            amount\n            currencyCode\n          }\n          presentmentMoney {\n            amount\n            currencyCode\n          }\n        }\n      }\n    }\n  }\n": {return: WarrantyDeskOrderFactsQuery, variables: WarrantyDeskOrderFactsQueryVariables},
  "#graphql\n  query WarrantyDeskOrderSearch($query: String!, $first: Int!) {\n    shop {\n      ianaTimezone\n    }\n    orders(first: $first, query: $query, sortKey: PROCESSED_AT, reverse: true) {\n      nodes {\n        id\n        name\n        processedAt\n        displayFulfillmentStatus\n        customer {\n          displayName\n        }\n      }\n    }\n  }\n": {return: WarrantyDeskOrderSearchQuery, variables: WarrantyDeskOrderSearchQueryVariables},
  "#graphql\n  query WarrantyDeskProductTitles($ids: [ID!]!) {\n    nodes(ids: $ids) {\n      ... on Product {\n        id\n        title\n      }\n    }\n  }\n": {return: WarrantyDeskProductTitlesQuery, variables: WarrantyDeskProductTitlesQueryVariables},
  "#graphql\n  query WarrantyDeskSuggestedRefund($orderId: ID!, $refundLineItems: [RefundLineItemInput!]) {\n    order(id: $orderId) {\n      id\n      suggestedRefund(\n        refundLineItems: $refundLineItems\n        refundShipping: false\n        refundMethodAllocation: ORIGINAL_PAYMENT_METHODS\n      ) {\n        amountSet {\n          presentmentMoney {\n            amount\n            currencyCode\n          }\n        }\n        maximumRefundableSet {\n          presentmentMoney {\n            amount\n            currencyCode\n          }\n        }\n        suggestedTransactions {\n          gateway\n          kind\n          parentTransaction {\n            id\n            formattedGateway\n            paymentDetails {\n              ... on CardPaymentDetails {\n                company\n                number\n              }\n            }\n          }\n          amountSet {\n            presentmentMoney {\n              amount\n              currencyCode\n            }\n          }\n          maximumRefundableSet {\n            presentmentMoney {\n              amount\n              currencyCode\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: WarrantyDeskSuggestedRefundQuery, variables: WarrantyDeskSuggestedRefundQueryVariables},
  "#graphql\n  query WarrantyDeskOrderReturns($orderId: ID!) {\n    order(id: $orderId) {\n      id\n      returns(first: 10) {\n        nodes {\n          id\n          name\n          status\n          returnLineItems(first: 20) {\n            nodes {\n              id\n              quantity\n              processedQuantity\n              returnReasonNote\n              ... on ReturnLineItem {\n                fulfillmentLineItem {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: WarrantyDeskOrderReturnsQuery, variables: WarrantyDeskOrderReturnsQueryVariables},
  "#graphql\n  query WarrantyDeskReturn($id: ID!) {\n    return(id: $id) {\n      id\n      name\n      status\n      returnLineItems(first: 20) {\n        nodes {\n          id\n          quantity\n          processedQuantity\n          returnReasonNote\n          ... on ReturnLineItem {\n            fulfillmentLineItem {\n              id\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: WarrantyDeskReturnQuery, variables: WarrantyDeskReturnQueryVariables},
  "#graphql\n  query WarrantyDeskShippedOrders($first: Int!, $after: String, $query: String!) {\n    orders(first: $first, after: $after, query: $query, sortKey: CREATED_AT, reverse: true) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        customer {\n          id\n        }\n        fulfillmentOrders(first: 5) {\n          nodes {\n            assignedLocation {\n              location {\n                id\n              }\n            }\n            fulfillments(first: 5) {\n              nodes {\n                id\n              }\n            }\n          }\n        }\n        fulfillments(first: 5) {\n          id\n          status\n          createdAt\n          updatedAt\n          deliveredAt\n          estimatedDeliveryAt\n          location {\n            id\n          }\n          events(first: 3, sortKey: HAPPENED_AT, reverse: true) {\n            nodes {\n              status\n              happenedAt\n            }\n          }\n          fulfillmentLineItems(first: 10) {\n            nodes {\n              quantity\n              lineItem {\n                id\n                product {\n                  id\n                }\n                variant {\n                  id\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: WarrantyDeskShippedOrdersQuery, variables: WarrantyDeskShippedOrdersQueryVariables},
  "#graphql\n  query WarrantyDeskShopContact {\n    shop {\n      name\n      email\n      contactEmail\n      ianaTimezone\n      myshopifyDomain\n    }\n  }\n": {return: WarrantyDeskShopContactQuery, variables: WarrantyDeskShopContactQueryVariables},
  "#graphql\n  query WarrantyDeskShopProfile {\n    shop {\n      id\n      name\n      myshopifyDomain\n      ianaTimezone\n      currencyCode\n    }\n  }\n": {return: WarrantyDeskShopProfileQuery, variables: WarrantyDeskShopProfileQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation WarrantyDeskReplacementDraftOrderCreate($input: DraftOrderInput!) {\n    draftOrderCreate(input: $input) {\n      draftOrder {\n        id\n        name\n        status\n        totalPriceSet {\n          shopMoney {\n            amount\n            currencyCode\n          }\n        }\n        order {\n          id\n          name\n        }\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: WarrantyDeskReplacementDraftOrderCreateMutation, variables: WarrantyDeskReplacementDraftOrderCreateMutationVariables},
  "#graphql\n  mutation WarrantyDeskReplacementDraftOrderComplete($id: ID!) {\n    draftOrderComplete(id: $id) {\n      draftOrder {\n        id\n        name\n        status\n        order {\n          id\n          name\n        }\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: WarrantyDeskReplacementDraftOrderCompleteMutation, variables: WarrantyDeskReplacementDraftOrderCompleteMutationVariables},
  "#graphql\n  mutation WarrantyDeskPaymentRequestDraftOrderCreate($input: DraftOrderInput!) {\n    draftOrderCreate(input: $input) {\n      draftOrder {\n        id\n        name\n        status\n        invoiceUrl\n        invoiceSentAt\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: WarrantyDeskPaymentRequestDraftOrderCreateMutation, variables: WarrantyDeskPaymentRequestDraftOrderCreateMutationVariables},
  "#graphql\n  mutation WarrantyDeskPaymentRequestInvoiceSend($id: ID!, $email: EmailInput) {\n    draftOrderInvoiceSend(id: $id, email: $email) {\n      draftOrder {\n        id\n        name\n        status\n        invoiceUrl\n        invoiceSentAt\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: WarrantyDeskPaymentRequestInvoiceSendMutation, variables: WarrantyDeskPaymentRequestInvoiceSendMutationVariables},
  "#graphql\n  mutation WarrantyDeskProductPolicyOverrideSet($metafields: [MetafieldsSetInput!]!) {\n    metafieldsSet(metafields: $metafields) {\n      metafields {\n        id\n        namespace\n        key\n        value\n        updatedAt\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: WarrantyDeskProductPolicyOverrideSetMutation, variables: WarrantyDeskProductPolicyOverrideSetMutationVariables},
  "#graphql\n  mutation WarrantyDeskRefundCreate($input: RefundInput!, $idempotencyKey: String!) {\n    refundCreate(input: $input) @idempotent(key: $idempotencyKey) {\n      refund {\n        id\n        createdAt\n        totalRefundedSet {\n          presentmentMoney {\n            amount\n            currencyCode\n          }\n        }\n        transactions(first: 20) {\n          nodes {\n            id\n            gateway\n            kind\n            status\n            amountSet {\n              presentmentMoney {\n                amount\n                currencyCode\n              }\n            }\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: WarrantyDeskRefundCreateMutation, variables: WarrantyDeskRefundCreateMutationVariables},
  "#graphql\n  mutation WarrantyDeskReturnCreate($returnInput: ReturnInput!) {\n    returnCreate(returnInput: $returnInput) {\n      return {\n        id\n        name\n        status\n        returnLineItems(first: 20) {\n          nodes {\n            id\n            quantity\n            processedQuantity\n            returnReasonNote\n            ... on ReturnLineItem {\n              fulfillmentLineItem {\n                id\n              }\n            }\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: WarrantyDeskReturnCreateMutation, variables: WarrantyDeskReturnCreateMutationVariables},
  "#graphql\n  mutation WarrantyDeskReturnProcess($input: ReturnProcessInput!) {\n    returnProcess(input: $input) {\n      return {\n        id\n        name\n        status\n        returnLineItems(first: 20) {\n          nodes {\n            id\n            quantity\n            processedQuantity\n            returnReasonNote\n            ... on ReturnLineItem {\n              fulfillmentLineItem {\n                id\n              }\n            }\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: WarrantyDeskReturnProcessMutation, variables: WarrantyDeskReturnProcessMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
