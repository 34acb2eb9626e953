-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_DailyRollup" (
    "shop" TEXT NOT NULL,
    "creatorId" TEXT NOT NULL,
    "campaignId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "clicks" INTEGER NOT NULL DEFAULT 0,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "orderCreditPpm" INTEGER NOT NULL DEFAULT 0,
    "codeOrders" INTEGER NOT NULL DEFAULT 0,
    "linkOrders" INTEGER NOT NULL DEFAULT 0,
    "newCustomers" INTEGER NOT NULL DEFAULT 0,
    "grossMinor" INTEGER NOT NULL DEFAULT 0,
    "discountsMinor" INTEGER NOT NULL DEFAULT 0,
    "refundsMinor" INTEGER NOT NULL DEFAULT 0,
    "netMinor" INTEGER NOT NULL DEFAULT 0,
    "repeatOrders" INTEGER NOT NULL DEFAULT 0,
    "repeatNetMinor" INTEGER NOT NULL DEFAULT 0,
    "cogsMinor" INTEGER NOT NULL DEFAULT 0,
    "cogsCoveredMinor" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "creatorId", "campaignId", "day")
);
INSERT INTO "new_DailyRollup" ("campaignId", "clicks", "codeOrders", "cogsCoveredMinor", "cogsMinor", "creatorId", "day", "discountsMinor", "grossMinor", "linkOrders", "netMinor", "newCustomers", "orderCreditPpm", "orders", "refundsMinor", "repeatNetMinor", "repeatOrders", "shop") SELECT "campaignId", "clicks", "codeOrders", "cogsCoveredMinor", "cogsMinor", "creatorId", "day", "discountsMinor", "grossMinor", "linkOrders", "netMinor", "newCustomers", "orderCreditPpm", "orders", "refundsMinor", "repeatNetMinor", "repeatOrders", "shop" FROM "DailyRollup";
DROP TABLE "DailyRollup";
ALTER TABLE "new_DailyRollup" RENAME TO "DailyRollup";
CREATE INDEX "DailyRollup_shop_day_idx" ON "DailyRollup"("shop", "day");
CREATE INDEX "DailyRollup_shop_campaignId_day_idx" ON "DailyRollup"("shop", "campaignId", "day");
CREATE INDEX "DailyRollup_shop_day_updatedAt_netMinor_idx" ON "DailyRollup"("shop", "day", "updatedAt", "netMinor");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
