-- CreateTable
CREATE TABLE "FulfillmentDelivery" (
    "fulfillmentId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "deliveredAt" TIMESTAMP(3),
    "estimatedDeliveryAt" TIMESTAMP(3),
    "lastEventAt" TIMESTAMP(3) NOT NULL,
    "cancelledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FulfillmentDelivery_pkey" PRIMARY KEY ("fulfillmentId")
);

-- CreateIndex
CREATE INDEX "FulfillmentDelivery_shop_orderId_idx" ON "FulfillmentDelivery"("shop", "orderId");

