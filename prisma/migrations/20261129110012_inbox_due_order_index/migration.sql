-- CreateIndex
CREATE INDEX "Claim_shop_respondBy_id_status_idx" ON "Claim"("shop", "respondBy", "id", "status");

