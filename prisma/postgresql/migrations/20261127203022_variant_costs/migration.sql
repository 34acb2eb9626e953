-- CreateTable
CREATE TABLE "VariantCost" (
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "inventoryItemId" TEXT NOT NULL,
    "unitCostMinor" INTEGER,
    "costUpdatedAt" TIMESTAMP(3),
    "syncedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VariantCost_pkey" PRIMARY KEY ("shop","variantId")
);

-- CreateIndex
CREATE INDEX "VariantCost_shop_inventoryItemId_idx" ON "VariantCost"("shop", "inventoryItemId");
