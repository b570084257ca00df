-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "claimedValueAmount" TEXT,
ADD COLUMN     "claimedValueCurrency" TEXT;

-- AlterTable
ALTER TABLE "ClaimItem" DROP COLUMN "variantId";

