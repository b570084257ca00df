-- CreateTable
CREATE TABLE "ReturnAddress" (
    "shop" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "addressJson" TEXT,
    "overseas" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "locationId")
);

-- CreateTable
CREATE TABLE "DenialClause" (
    "shop" TEXT NOT NULL,
    "clauseId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "wordsJson" TEXT NOT NULL,
    "retiredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "clauseId")
);

