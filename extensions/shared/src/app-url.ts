// Where the Warranty Desk app is served (its SHOPIFY_APP_URL). Written by
// `npm run extension:configure` before `shopify app deploy`; the demo build substitutes its own.
export const APP_URL = "https://warranty-desk.example.com";
