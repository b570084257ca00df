-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "submissionKey" TEXT;

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "hits" INTEGER NOT NULL,
    "windowEndsAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Evidence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "customerId" TEXT,
    "kind" TEXT NOT NULL,
    "fileName" TEXT,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "thumbnailKey" TEXT,
    "uploadedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attachedAt" DATETIME,
    "redactedAt" DATETIME,
    CONSTRAINT "Evidence_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Existing evidence belongs to its claim's shop, order and customer (edited by hand: the generated
-- copy left the new required columns empty).
INSERT INTO "new_Evidence" ("byteSize", "claimId", "contentType", "fileName", "id", "kind", "redactedAt", "sha256", "storageKey", "uploadedAt", "shop", "orderId", "customerId", "attachedAt") SELECT e."byteSize", e."claimId", e."contentType", e."fileName", e."id", e."kind", e."redactedAt", e."sha256", e."storageKey", e."uploadedAt", c."shop", c."orderId", c."customerId", e."uploadedAt" FROM "Evidence" e JOIN "Claim" c ON c."id" = e."claimId";
DROP TABLE "Evidence";
ALTER TABLE "new_Evidence" RENAME TO "Evidence";
CREATE UNIQUE INDEX "Evidence_storageKey_key" ON "Evidence"("storageKey");
CREATE INDEX "Evidence_claimId_idx" ON "Evidence"("claimId");
CREATE INDEX "Evidence_shop_orderId_idx" ON "Evidence"("shop", "orderId");
CREATE INDEX "Evidence_shop_customerId_idx" ON "Evidence"("shop", "customerId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RateLimit_windowEndsAt_idx" ON "RateLimit"("windowEndsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_shop_submissionKey_key" ON "Claim"("shop", "submissionKey");

