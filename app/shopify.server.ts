import "@shopify/shopify-app-remix/adapters/node";
import { ApiVersion, AppDistribution, LogSeverity, shopifyApp } from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import prisma from "./db.server";
import { env } from "./utils/env.server";
import { logShopifyLibraryLine } from "./utils/logger.server";
import { assertNoForeignAdminToken } from "./utils/session-tokens.server";

// The one place that calls shopifyApp(). Admin API 2026-10 (see docs/decisions/002-api-versions.md),
// Shopify-managed installation with token exchange, expiring offline tokens.
const config = env();
const LOG_SEVERITY = {
  error: LogSeverity.Error,
  warning: LogSeverity.Warning,
  info: LogSeverity.Info,
  debug: LogSeverity.Debug,
} as const;

const ADMIN_API_VERSION = ApiVersion.October26;

const shopify = shopifyApp({
  apiKey: config.SHOPIFY_API_KEY,
  apiSecretKey: config.SHOPIFY_API_SECRET,
  apiVersion: ADMIN_API_VERSION,
  scopes: config.SCOPES?.split(","),
  appUrl: config.SHOPIFY_APP_URL,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(prisma),
  distribution: AppDistribution.AppStore,
  logger: { level: LOG_SEVERITY[config.LOG_LEVEL], log: logShopifyLibraryLine },
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
});

export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
// The library's admin authentication accepts any session token signed with the app's secret,
// a shopper's included: every admin route goes through this check first.
const authenticateAdmin: typeof shopify.authenticate.admin = async (request) => {
  assertNoForeignAdminToken(request);
  return shopify.authenticate.admin(request);
};
export const authenticate: typeof shopify.authenticate = { ...shopify.authenticate, admin: authenticateAdmin };
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;
