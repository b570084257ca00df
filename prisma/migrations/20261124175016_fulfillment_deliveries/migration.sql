-- CreateTable
CREATE TABLE "FulfillmentDelivery" (
    "fulfillmentId" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "deliveredAt" DATETIME,
    "estimatedDeliveryAt" DATETIME,
    "lastEventAt" DATETIME NOT NULL,
    "cancelledAt" DATETIME,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "FulfillmentDelivery_shop_orderId_idx" ON "FulfillmentDelivery"("shop", "orderId");

