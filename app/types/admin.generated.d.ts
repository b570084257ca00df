/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type WarrantyDeskOrderFactsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type WarrantyDeskOrderFactsQuery = { shop: Pick<AdminTypes.Shop, 'ianaTimezone' | 'currencyCode'>, order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id' | 'name' | 'createdAt' | 'currencyCode' | 'presentmentCurrencyCode'>
    & { customer?: AdminTypes.Maybe<Pick<AdminTypes.Customer, 'id'>>, lineItems: { nodes: Array<(
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

export type WarrantyDeskSuggestedRefundQueryVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
  refundLineItems?: AdminTypes.InputMaybe<Array<AdminTypes.RefundLineItemInput> | AdminTypes.RefundLineItemInput>;
}>;


export type WarrantyDeskSuggestedRefundQuery = { order?: AdminTypes.Maybe<(
    Pick<AdminTypes.Order, 'id'>
    & { suggestedRefund?: AdminTypes.Maybe<{ amountSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, maximumRefundableSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, suggestedTransactions: Array<(
        Pick<AdminTypes.SuggestedOrderTransaction, 'gateway' | 'kind'>
        & { parentTransaction?: AdminTypes.Maybe<Pick<AdminTypes.OrderTransaction, 'id'>>, amountSet: { presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }, maximumRefundableSet?: AdminTypes.Maybe<{ presentmentMoney: Pick<AdminTypes.MoneyV2, 'amount' | 'currencyCode'> }> }
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

export type WarrantyDeskShopProfileQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type WarrantyDeskShopProfileQuery = { shop: Pick<AdminTypes.Shop, 'id' | 'name' | 'myshopifyDomain' | 'ianaTimezone' | 'currencyCode'> };

interface GeneratedQueryTypes {
  "#graphql\n  query WarrantyDeskOrderFacts($id: ID!) {\n    shop {\n      ianaTimezone\n      currencyCode\n    }\n    order(id: $id) {\n      id\n      name\n      createdAt\n      currencyCode\n      presentmentCurrencyCode\n      customer {\n        id\n      }\n      lineItems(first: 30) {\n        nodes {\n          id\n          name\n          quantity\n          currentQuantity\n          refundableQuantity\n          product {\n            id\n          }\n          variant {\n            id\n          }\n          discountedUnitPriceAfterAllDiscountsSet {\n            shopMoney {\n              amount\n              currencyCode\n            }\n            presentmentMoney {\n              amount\n              currencyCode\n            }\n          }\n        }\n      }\n      fulfillments(first: 8) {\n        id\n        status\n        createdAt\n        updatedAt\n        deliveredAt\n        estimatedDeliveryAt\n        inTransitAt\n        location {\n          id\n        }\n        trackingInfo(first: 3) {\n          number\n          company\n          url\n        }\n        events(first: 5, sortKey: HAPPENED_AT, reverse: true) {\n          nodes {\n            status\n            happenedAt\n          }\n        }\n        fulfillmentLineItems(first: 20) {\n          nodes {\n            id\n            quantity\n            lineItem {\n              id\n            }\n          }\n        }\n      }\n      fulfillmentOrders(first: 5) {\n        nodes {\n          id\n          assignedLocation {\n            countryCode\n            location {\n              id\n            }\n          }\n          fulfillments(first: 5) {\n            nodes {\n              id\n            }\n          }\n        }\n      }\n      transactions(first: 10) {\n        id\n        kind\n        status\n        gateway\n        processedAt\n        parentTransaction {\n          id\n        }\n        amountSet {\n          shopMoney {\n            amount\n            currencyCode\n          }\n          presentmentMoney {\n            amount\n            currencyCode\n          }\n        }\n      }\n    }\n  }\n": {return: WarrantyDeskOrderFactsQuery, variables: WarrantyDeskOrderFactsQueryVariables},
  "#graphql\n  query WarrantyDeskSuggestedRefund($orderId: ID!, $refundLineItems: [RefundLineItemInput!]) {\n    order(id: $orderId) {\n      id\n      suggestedRefund(\n        refundLineItems: $refundLineItems\n        refundShipping: false\n        refundMethodAllocation: ORIGINAL_PAYMENT_METHODS\n      ) {\n        amountSet {\n          presentmentMoney {\n            amount\n            currencyCode\n          }\n        }\n        maximumRefundableSet {\n          presentmentMoney {\n            amount\n            currencyCode\n          }\n        }\n        suggestedTransactions {\n          gateway\n          kind\n          parentTransaction {\n            id\n          }\n          amountSet {\n            presentmentMoney {\n              amount\n              currencyCode\n            }\n          }\n          maximumRefundableSet {\n            presentmentMoney {\n              amount\n              currencyCode\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: WarrantyDeskSuggestedRefundQuery, variables: WarrantyDeskSuggestedRefundQueryVariables},
  "#graphql\n  query WarrantyDeskShopProfile {\n    shop {\n      id\n      name\n      myshopifyDomain\n      ianaTimezone\n      currencyCode\n    }\n  }\n": {return: WarrantyDeskShopProfileQuery, variables: WarrantyDeskShopProfileQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation WarrantyDeskRefundCreate($input: RefundInput!, $idempotencyKey: String!) {\n    refundCreate(input: $input) @idempotent(key: $idempotencyKey) {\n      refund {\n        id\n        createdAt\n        totalRefundedSet {\n          presentmentMoney {\n            amount\n            currencyCode\n          }\n        }\n        transactions(first: 20) {\n          nodes {\n            id\n            gateway\n            kind\n            status\n            amountSet {\n              presentmentMoney {\n                amount\n                currencyCode\n              }\n            }\n          }\n        }\n      }\n      userErrors {\n        field\n        message\n      }\n    }\n  }\n": {return: WarrantyDeskRefundCreateMutation, variables: WarrantyDeskRefundCreateMutationVariables},
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
