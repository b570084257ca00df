-- AlterTable
ALTER TABLE "ComplianceRequest" ADD COLUMN     "resultJson" TEXT;

-- CreateTable
CREATE TABLE "ShopPolicy" (
    "shop" TEXT NOT NULL,
    "overrideJson" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopPolicy_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "ProductOverride" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "productTitle" TEXT,
    "overrideJson" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProductOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimCounter" (
    "shop" TEXT NOT NULL,
    "last" INTEGER NOT NULL DEFAULT 1000,

    CONSTRAINT "ClaimCounter_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "Claim" (
    "id" TEXT NOT NULL,
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
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "respondBy" TIMESTAMP(3),
    "lastEventAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "customerName" TEXT,
    "customerEmail" TEXT,
    "redactedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Claim_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimItem" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "variantId" TEXT,
    "title" TEXT,
    "quantity" INTEGER NOT NULL,
    "componentsJson" TEXT NOT NULL,
    "returnLocationsJson" TEXT NOT NULL,
    "decisionJson" TEXT,
    "inspectionJson" TEXT,
    "outcomeJson" TEXT,

    CONSTRAINT "ClaimItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimEvent" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "type" TEXT NOT NULL,
    "fromStatus" TEXT,
    "toStatus" TEXT NOT NULL,
    "note" TEXT,
    "dataJson" TEXT NOT NULL,

    CONSTRAINT "ClaimEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "fileName" TEXT,
    "contentType" TEXT NOT NULL,
    "byteSize" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploadedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "redactedAt" TIMESTAMP(3),

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeliveryFact" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "fulfillmentId" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "productId" TEXT,
    "variantId" TEXT,
    "customerId" TEXT,
    "quantity" INTEGER NOT NULL,
    "fulfilledAt" TIMESTAMP(3) NOT NULL,
    "deliveredAt" TIMESTAMP(3),
    "estimatedDeliveryAt" TIMESTAMP(3),
    "locationId" TEXT,
    "sourceUpdatedAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DeliveryFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopifyAction" (
    "id" TEXT NOT NULL,
    "claimId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "requestJson" TEXT NOT NULL,
    "resultJson" TEXT,
    "shopifyId" TEXT,
    "errorMessage" TEXT,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopifyAction_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProductOverride_shop_productId_key" ON "ProductOverride"("shop", "productId");

-- CreateIndex
CREATE INDEX "Claim_shop_status_respondBy_idx" ON "Claim"("shop", "status", "respondBy");

-- CreateIndex
CREATE INDEX "Claim_shop_lastEventAt_idx" ON "Claim"("shop", "lastEventAt");

-- CreateIndex
CREATE INDEX "Claim_shop_orderId_idx" ON "Claim"("shop", "orderId");

-- CreateIndex
CREATE INDEX "Claim_shop_customerId_idx" ON "Claim"("shop", "customerId");

-- CreateIndex
CREATE UNIQUE INDEX "Claim_shop_number_key" ON "Claim"("shop", "number");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimItem_claimId_lineItemId_key" ON "ClaimItem"("claimId", "lineItemId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimEvent_claimId_sequence_key" ON "ClaimEvent"("claimId", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "Evidence_storageKey_key" ON "Evidence"("storageKey");

-- CreateIndex
CREATE INDEX "Evidence_claimId_idx" ON "Evidence"("claimId");

-- CreateIndex
CREATE INDEX "DeliveryFact_shop_orderId_idx" ON "DeliveryFact"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryFact_fulfillmentId_lineItemId_key" ON "DeliveryFact"("fulfillmentId", "lineItemId");

-- CreateIndex
CREATE UNIQUE INDEX "ShopifyAction_idempotencyKey_key" ON "ShopifyAction"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ShopifyAction_status_idx" ON "ShopifyAction"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ShopifyAction_claimId_kind_key" ON "ShopifyAction"("claimId", "kind");

-- AddForeignKey
ALTER TABLE "ClaimItem" ADD CONSTRAINT "ClaimItem_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimEvent" ADD CONSTRAINT "ClaimEvent_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ShopifyAction" ADD CONSTRAINT "ShopifyAction_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

