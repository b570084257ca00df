-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "submissionKey" TEXT;

-- AlterTable
ALTER TABLE "Evidence" ADD COLUMN     "attachedAt" TIMESTAMP(3),
ADD COLUMN     "customerId" TEXT,
ADD COLUMN     "orderId" TEXT,
ADD COLUMN     "shop" TEXT,
ADD COLUMN     "thumbnailKey" TEXT,
ALTER COLUMN "claimId" DROP NOT NULL;

-- Existing evidence belongs to its claim's shop, order and customer (edited by hand: the generated
-- migration added the required columns without values).
UPDATE "Evidence" e SET "shop" = c."shop", "orderId" = c."orderId", "customerId" = c."customerId", "attachedAt" = e."uploadedAt"
FROM "Claim" c WHERE c."id" = e."claimId";
ALTER TABLE "Evidence" ALTER COLUMN "orderId" SET NOT NULL, ALTER COLUMN "shop" SET NOT NULL;

-- CreateTable
CREATE TABLE "RateLimit" (
    "key" TEXT NOT NULL,
    "hits" INTEGER NOT NULL,
    "windowEndsAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RateLimit_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "RateLimit_windowEndsAt_idx" ON "RateLimit"("windowEndsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_shop_submissionKey_key" ON "Claim"("shop", "submissionKey");

-- CreateIndex
CREATE INDEX "Evidence_shop_orderId_idx" ON "Evidence"("shop", "orderId");

-- CreateIndex
CREATE INDEX "Evidence_shop_customerId_idx" ON "Evidence"("shop", "customerId");

