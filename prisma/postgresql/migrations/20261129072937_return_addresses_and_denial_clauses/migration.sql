-- CreateTable
CREATE TABLE "ReturnAddress" (
    "shop" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "addressJson" TEXT,
    "overseas" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ReturnAddress_pkey" PRIMARY KEY ("shop","locationId")
);

-- CreateTable
CREATE TABLE "DenialClause" (
    "shop" TEXT NOT NULL,
    "clauseId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "wordsJson" TEXT NOT NULL,
    "retiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "DenialClause_pkey" PRIMARY KEY ("shop","clauseId")
);

