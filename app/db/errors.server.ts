/** Prisma's "unique constraint failed" (P2002): another writer inserted the same key first. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === "P2002";
}
