/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type WarrantyDeskShopProfileQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type WarrantyDeskShopProfileQuery = { shop: Pick<AdminTypes.Shop, 'id' | 'name' | 'myshopifyDomain' | 'ianaTimezone' | 'currencyCode'> };

interface GeneratedQueryTypes {
  "#graphql\n  query WarrantyDeskShopProfile {\n    shop {\n      id\n      name\n      myshopifyDomain\n      ianaTimezone\n      currencyCode\n    }\n  }\n": {return: WarrantyDeskShopProfileQuery, variables: WarrantyDeskShopProfileQueryVariables},
}

interface GeneratedMutationTypes {
}
declare module '@shopify/admin-api-client' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
