import type { PrismaClient } from "@prisma/client";
import { isUniqueViolation } from "./errors.server";

// Named leases held by one app instance at a time (WorkerLease): the email sender on SQLite, where
// rows cannot be claimed with SKIP LOCKED, and the reminder and digest scan everywhere. A holder
// renews its lease on every round; another instance takes it over only once it has run out (the
// holder crashed or stopped). Outside any transaction: a lost race is a unique violation or a
// count of 0, never an aborted transaction.

/** Takes or renews the lease `name` for `owner` until `until`; false while another owner holds it. */
export async function acquireWorkerLease(
  db: PrismaClient,
  name: string,
  owner: string,
  now: Date,
  until: Date,
): Promise<boolean> {
  const { count } = await db.workerLease.updateMany({
    where: { name, OR: [{ owner }, { leaseUntil: { lt: now } }] },
    data: { owner, leaseUntil: until },
  });
  if (count === 1) return true;
  try {
    await db.workerLease.create({ data: { name, owner, leaseUntil: until } });
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false; // another owner holds it
    throw error;
  }
}

/** Lets the lease go at once (a clean stop), if `owner` still holds it. */
export async function releaseWorkerLease(db: PrismaClient, name: string, owner: string): Promise<void> {
  await db.workerLease.deleteMany({ where: { name, owner } });
}
