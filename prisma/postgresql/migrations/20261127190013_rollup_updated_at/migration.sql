-- AlterTable
ALTER TABLE "DailyRollup" ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "DailyRollup_shop_day_updatedAt_netMinor_idx" ON "DailyRollup"("shop", "day", "updatedAt", "netMinor");
