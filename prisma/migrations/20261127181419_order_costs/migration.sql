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

    PRIMARY KEY ("shop", "creatorId", "campaignId", "day")
);
INSERT INTO "new_DailyRollup" ("campaignId", "clicks", "codeOrders", "creatorId", "day", "discountsMinor", "grossMinor", "linkOrders", "netMinor", "newCustomers", "orders", "refundsMinor", "repeatNetMinor", "repeatOrders", "shop") SELECT "campaignId", "clicks", "codeOrders", "creatorId", "day", "discountsMinor", "grossMinor", "linkOrders", "netMinor", "newCustomers", "orders", "refundsMinor", "repeatNetMinor", "repeatOrders", "shop" FROM "DailyRollup";
DROP TABLE "DailyRollup";
ALTER TABLE "new_DailyRollup" RENAME TO "DailyRollup";
CREATE INDEX "DailyRollup_shop_day_idx" ON "DailyRollup"("shop", "day");
CREATE TABLE "new_Order" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "shopifyOrderId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "processedAt" DATETIME NOT NULL,
    "shopifyUpdatedAt" DATETIME NOT NULL,
    "customerId" TEXT,
    "currency" TEXT NOT NULL,
    "presentmentCurrency" TEXT NOT NULL,
    "grossMinor" INTEGER NOT NULL,
    "discountsMinor" INTEGER NOT NULL,
    "shippingMinor" INTEGER NOT NULL,
    "taxesMinor" INTEGER NOT NULL,
    "refundsMinor" INTEGER NOT NULL DEFAULT 0,
    "cogsMinor" INTEGER NOT NULL DEFAULT 0,
    "cogsCoveredMinor" INTEGER NOT NULL DEFAULT 0,
    "cancelledAt" DATETIME,
    "test" BOOLEAN NOT NULL DEFAULT false,
    "codes" TEXT NOT NULL DEFAULT '[]',
    "landingUrl" TEXT,
    "referrer" TEXT,
    "sourceName" TEXT,
    "utm" TEXT,
    "journeyFirstUtm" TEXT,
    "journeyLastUtm" TEXT,
    "customerOrderIndex" INTEGER,
    "creditedCreatorId" TEXT,
    "creditedCampaignId" TEXT,
    "attribution" TEXT,
    "overrideCreatorId" TEXT,
    "overrideCampaignId" TEXT,
    "overrideBy" TEXT,
    "overrideAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_Order" ("attribution", "cancelledAt", "codes", "createdAt", "creditedCampaignId", "creditedCreatorId", "currency", "customerId", "customerOrderIndex", "discountsMinor", "grossMinor", "id", "journeyFirstUtm", "journeyLastUtm", "landingUrl", "name", "overrideAt", "overrideBy", "overrideCampaignId", "overrideCreatorId", "presentmentCurrency", "processedAt", "referrer", "refundsMinor", "shippingMinor", "shop", "shopifyOrderId", "shopifyUpdatedAt", "sourceName", "taxesMinor", "test", "updatedAt", "utm") SELECT "attribution", "cancelledAt", "codes", "createdAt", "creditedCampaignId", "creditedCreatorId", "currency", "customerId", "customerOrderIndex", "discountsMinor", "grossMinor", "id", "journeyFirstUtm", "journeyLastUtm", "landingUrl", "name", "overrideAt", "overrideBy", "overrideCampaignId", "overrideCreatorId", "presentmentCurrency", "processedAt", "referrer", "refundsMinor", "shippingMinor", "shop", "shopifyOrderId", "shopifyUpdatedAt", "sourceName", "taxesMinor", "test", "updatedAt", "utm" FROM "Order";
DROP TABLE "Order";
ALTER TABLE "new_Order" RENAME TO "Order";
CREATE INDEX "Order_shop_creditedCreatorId_processedAt_idx" ON "Order"("shop", "creditedCreatorId", "processedAt");
CREATE INDEX "Order_shop_customerId_processedAt_idx" ON "Order"("shop", "customerId", "processedAt");
CREATE INDEX "Order_shop_processedAt_idx" ON "Order"("shop", "processedAt");
CREATE UNIQUE INDEX "Order_shop_shopifyOrderId_key" ON "Order"("shop", "shopifyOrderId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
