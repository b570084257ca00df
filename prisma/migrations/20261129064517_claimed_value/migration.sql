-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "claimedValueAmount" TEXT;
ALTER TABLE "Claim" ADD COLUMN "claimedValueCurrency" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ClaimItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "claimId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "title" TEXT,
    "quantity" INTEGER NOT NULL,
    "componentsJson" TEXT NOT NULL,
    "returnLocationsJson" TEXT NOT NULL,
    "decisionJson" TEXT,
    "inspectionJson" TEXT,
    "outcomeJson" TEXT,
    CONSTRAINT "ClaimItem_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ClaimItem" ("claimId", "componentsJson", "decisionJson", "id", "inspectionJson", "lineItemId", "outcomeJson", "position", "productId", "quantity", "returnLocationsJson", "title") SELECT "claimId", "componentsJson", "decisionJson", "id", "inspectionJson", "lineItemId", "outcomeJson", "position", "productId", "quantity", "returnLocationsJson", "title" FROM "ClaimItem";
DROP TABLE "ClaimItem";
ALTER TABLE "new_ClaimItem" RENAME TO "ClaimItem";
CREATE UNIQUE INDEX "ClaimItem_claimId_lineItemId_key" ON "ClaimItem"("claimId", "lineItemId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

