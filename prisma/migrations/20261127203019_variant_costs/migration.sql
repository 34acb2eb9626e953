-- CreateTable
CREATE TABLE "VariantCost" (
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "inventoryItemId" TEXT NOT NULL,
    "unitCostMinor" INTEGER,
    "costUpdatedAt" DATETIME,
    "syncedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "variantId")
);

-- CreateIndex
CREATE INDEX "VariantCost_shop_inventoryItemId_idx" ON "VariantCost"("shop", "inventoryItemId");
