// The app the bench installs: its keys sign the admin's session tokens, as Shopify signs them.
// A bench-only app, not a real credential.
export const BENCH_APP = { apiKey: "warranty-desk-bench", apiSecret: "warranty-desk-bench-secret" } as const;

// Shopify's library answers bots (and so unnamed HTTP clients) with 410: the bench is a browser.
export const BROWSER_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36";
