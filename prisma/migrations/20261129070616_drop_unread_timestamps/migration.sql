-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ShopPolicy" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "overrideJson" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ShopPolicy" ("overrideJson", "shop", "updatedAt") SELECT "overrideJson", "shop", "updatedAt" FROM "ShopPolicy";
DROP TABLE "ShopPolicy";
ALTER TABLE "new_ShopPolicy" RENAME TO "ShopPolicy";
CREATE TABLE "new_ProductOverride" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "productTitle" TEXT,
    "overrideJson" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ProductOverride" ("id", "overrideJson", "productId", "productTitle", "shop", "updatedAt") SELECT "id", "overrideJson", "productId", "productTitle", "shop", "updatedAt" FROM "ProductOverride";
DROP TABLE "ProductOverride";
ALTER TABLE "new_ProductOverride" RENAME TO "ProductOverride";
CREATE UNIQUE INDEX "ProductOverride_shop_productId_key" ON "ProductOverride"("shop", "productId");
CREATE TABLE "new_Claim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT,
    "customerId" TEXT,
    "type" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "responseHours" INTEGER NOT NULL,
    "returnRequired" BOOLEAN NOT NULL,
    "returnShippingPaidBy" TEXT NOT NULL,
    "evidenceKindsJson" TEXT NOT NULL,
    "returnInstructions" TEXT,
    "returnTrackingNumber" TEXT,
    "returnCarrier" TEXT,
    "shopifyReturnId" TEXT,
    "submittedAt" DATETIME NOT NULL,
    "respondBy" DATETIME,
    "lastEventAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submissionKey" TEXT,
    "claimedValueAmount" TEXT,
    "claimedValueCurrency" TEXT,
    "customerName" TEXT,
    "customerEmail" TEXT,
    "redactedAt" DATETIME
);
INSERT INTO "new_Claim" ("claimedValueAmount", "claimedValueCurrency", "customerEmail", "customerId", "customerName", "evidenceKindsJson", "id", "lastEventAt", "number", "orderId", "orderName", "redactedAt", "respondBy", "responseHours", "returnCarrier", "returnInstructions", "returnRequired", "returnShippingPaidBy", "returnTrackingNumber", "shop", "shopifyReturnId", "status", "submissionKey", "submittedAt", "type", "version") SELECT "claimedValueAmount", "claimedValueCurrency", "customerEmail", "customerId", "customerName", "evidenceKindsJson", "id", "lastEventAt", "number", "orderId", "orderName", "redactedAt", "respondBy", "responseHours", "returnCarrier", "returnInstructions", "returnRequired", "returnShippingPaidBy", "returnTrackingNumber", "shop", "shopifyReturnId", "status", "submissionKey", "submittedAt", "type", "version" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE INDEX "Claim_shop_status_respondBy_idx" ON "Claim"("shop", "status", "respondBy");
CREATE INDEX "Claim_shop_lastEventAt_idx" ON "Claim"("shop", "lastEventAt");
CREATE INDEX "Claim_shop_orderId_idx" ON "Claim"("shop", "orderId");
CREATE INDEX "Claim_shop_customerId_idx" ON "Claim"("shop", "customerId");
CREATE UNIQUE INDEX "Claim_shop_number_key" ON "Claim"("shop", "number");
CREATE UNIQUE INDEX "Claim_shop_submissionKey_key" ON "Claim"("shop", "submissionKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

