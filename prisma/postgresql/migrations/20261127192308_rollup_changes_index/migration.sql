-- CreateIndex
CREATE INDEX "DailyRollup_shop_updatedAt_idx" ON "DailyRollup"("shop", "updatedAt");
