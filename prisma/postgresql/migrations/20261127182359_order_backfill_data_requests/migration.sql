-- CreateTable
CREATE TABLE "OrderBackfill" (
    "shop" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'exporting',
    "bulkOperationId" TEXT,
    "createdSince" TIMESTAMP(3) NOT NULL,
    "allOrders" BOOLEAN NOT NULL DEFAULT false,
    "objectCount" INTEGER NOT NULL DEFAULT 0,
    "objectsRead" INTEGER NOT NULL DEFAULT 0,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "error" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrderBackfill_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "CustomerDataRequest" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "shopifyRequestId" TEXT NOT NULL,
    "shopifyCustomerId" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "downloadedAt" TIMESTAMP(3),

    CONSTRAINT "CustomerDataRequest_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CustomerDataRequest_shop_receivedAt_idx" ON "CustomerDataRequest"("shop", "receivedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerDataRequest_shop_shopifyRequestId_key" ON "CustomerDataRequest"("shop", "shopifyRequestId");
