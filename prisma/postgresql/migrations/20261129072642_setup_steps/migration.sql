-- CreateTable
CREATE TABLE "SetupStep" (
    "shop" TEXT NOT NULL,
    "step" TEXT NOT NULL,
    "doneAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SetupStep_pkey" PRIMARY KEY ("shop","step")
);

