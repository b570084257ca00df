-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "searchIndexVersion" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ClaimSearchTerm" (
    "claimId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    -- Byte order whatever the database's collation: a search word's terms are the range
    -- [word, word || U+10FFFF), which a linguistic collation (en_US) does not keep together.
    "term" TEXT COLLATE "C" NOT NULL,

    CONSTRAINT "ClaimSearchTerm_pkey" PRIMARY KEY ("claimId","term","field")
);

-- CreateIndex
CREATE INDEX "ClaimSearchTerm_shop_term_claimId_field_idx" ON "ClaimSearchTerm"("shop", "term", "claimId", "field");

-- CreateIndex
CREATE INDEX "Claim_searchIndexVersion_idx" ON "Claim"("searchIndexVersion");

-- AddForeignKey
ALTER TABLE "ClaimSearchTerm" ADD CONSTRAINT "ClaimSearchTerm_claimId_fkey" FOREIGN KEY ("claimId") REFERENCES "Claim"("id") ON DELETE CASCADE ON UPDATE CASCADE;

