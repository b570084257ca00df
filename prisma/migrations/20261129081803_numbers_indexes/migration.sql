-- CreateIndex
CREATE INDEX "Claim_shop_submittedAt_idx" ON "Claim"("shop", "submittedAt");

-- CreateIndex
CREATE INDEX "DeliveryFact_shop_fulfilledAt_idx" ON "DeliveryFact"("shop", "fulfilledAt");

