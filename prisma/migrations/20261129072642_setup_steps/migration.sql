-- CreateTable
CREATE TABLE "SetupStep" (
    "shop" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "doneAt" DATETIME NOT NULL,

    PRIMARY KEY ("shop", "step")
);

