-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "locale" TEXT;

-- CreateTable
CREATE TABLE "EmailMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "claimId" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "audience" TEXT NOT NULL,
    "toJson" TEXT,
    "locale" TEXT NOT NULL,
    "dataJson" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL,
    "leaseOwner" TEXT,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" DATETIME,
    "redactedAt" DATETIME
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "merchantEmailsJson" TEXT NOT NULL,
    "shopperNotifiedBy" TEXT NOT NULL,
    "reminderLeadHours" INTEGER NOT NULL DEFAULT 6,
    "merchantDelivery" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "WorkerLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "owner" TEXT NOT NULL,
    "leaseUntil" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "EmailMessage_dedupeKey_key" ON "EmailMessage"("dedupeKey");

-- CreateIndex
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailMessage_claimId_idx" ON "EmailMessage"("claimId");

-- CreateIndex
CREATE INDEX "EmailMessage_shop_createdAt_idx" ON "EmailMessage"("shop", "createdAt");

