-- AlterTable
ALTER TABLE "Order" ADD COLUMN     "rollupState" TEXT;

-- AlterTable
ALTER TABLE "Touch" ADD COLUMN     "evidence" TEXT;
