import type { PrismaClient } from "@prisma/client";

/** One round trip to the database; throws when it does not answer. */
export async function pingDatabase(db: PrismaClient): Promise<void> {
  await db.$queryRawUnsafe("SELECT 1");
}
