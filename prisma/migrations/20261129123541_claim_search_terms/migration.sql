-- CreateTable
CREATE TABLE "ClaimSearchTerm" (
    "claimId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "term" TEXT NOT NULL,

    PRIMARY KEY ("claimId", "term", "field"),
    CONSTRAINT "ClaimSearchTerm_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "redactedAt" DATETIME,
    "locale" TEXT,
    "searchIndexVersion" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Claim" ("claimedValueAmount", "claimedValueCurrency", "customerEmail", "customerId", "customerName", "evidenceKindsJson", "id", "lastEventAt", "locale", "number", "orderId", "orderName", "redactedAt", "respondBy", "responseHours", "returnCarrier", "returnInstructions", "returnRequired", "returnShippingPaidBy", "returnTrackingNumber", "shop", "shopifyReturnId", "status", "submissionKey", "submittedAt", "type", "version") SELECT "claimedValueAmount", "claimedValueCurrency", "customerEmail", "customerId", "customerName", "evidenceKindsJson", "id", "lastEventAt", "locale", "number", "orderId", "orderName", "redactedAt", "respondBy", "responseHours", "returnCarrier", "returnInstructions", "returnRequired", "returnShippingPaidBy", "returnTrackingNumber", "shop", "shopifyReturnId", "status", "submissionKey", "submittedAt", "type", "version" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE INDEX "Claim_shop_status_respondBy_idx" ON "Claim"("shop", "status", "respondBy");
CREATE INDEX "Claim_shop_lastEventAt_idx" ON "Claim"("shop", "lastEventAt");
CREATE INDEX "Claim_shop_orderId_idx" ON "Claim"("shop", "orderId");
CREATE INDEX "Claim_shop_customerId_idx" ON "Claim"("shop", "customerId");
CREATE INDEX "Claim_shop_submittedAt_idx" ON "Claim"("shop", "submittedAt");
CREATE INDEX "Claim_shop_respondBy_id_status_idx" ON "Claim"("shop", "respondBy", "id", "status");
CREATE INDEX "Claim_searchIndexVersion_idx" ON "Claim"("searchIndexVersion");
CREATE UNIQUE INDEX "Claim_shop_number_key" ON "Claim"("shop", "number");
CREATE UNIQUE INDEX "Claim_shop_submissionKey_key" ON "Claim"("shop", "submissionKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ClaimSearchTerm_shop_term_claimId_field_idx" ON "ClaimSearchTerm"("shop", "term", "claimId", "field");

