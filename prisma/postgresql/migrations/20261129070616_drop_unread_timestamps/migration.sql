-- AlterTable
ALTER TABLE "ShopPolicy" DROP COLUMN "createdAt";

-- AlterTable
ALTER TABLE "ProductOverride" DROP COLUMN "createdAt";

-- AlterTable
ALTER TABLE "Claim" DROP COLUMN "createdAt",
DROP COLUMN "updatedAt";

