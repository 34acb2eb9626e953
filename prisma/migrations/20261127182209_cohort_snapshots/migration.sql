-- CreateTable
CREATE TABLE "CohortSnapshot" (
    "shop" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "asOf" DATETIME NOT NULL,
    "customers" INTEGER NOT NULL,
    "data" TEXT NOT NULL,

    PRIMARY KEY ("shop", "scope", "key")
);

-- CreateIndex
CREATE INDEX "DailyRollup_shop_campaignId_day_idx" ON "DailyRollup"("shop", "campaignId", "day");
