import type { Prisma, PrismaClient } from "@prisma/client";
import {
  EmailAudienceSchema,
  EmailStatusSchema,
  EmailTemplateSchema,
  type EmailAudience,
  type EmailStatus,
  type EmailTemplate,
} from "../domain/notifications/notification-types";

// The email outbox (issue 12, EmailMessage): rows written in the same transaction as their cause,
// read by the claim page and the demo mailbox, claimed and marked by the worker
// (app/services/notifications/worker.server.ts). A row that fails its schema is our 500.

type Db = PrismaClient | Prisma.TransactionClient;

export interface ClaimEmailRow {
  id: string;
  template: EmailTemplate;
  audience: EmailAudience;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
}

/** The claim's emails, oldest first, for the claim page's emails card. */
export async function listClaimEmails(db: Db, shop: string, claimId: string): Promise<ClaimEmailRow[]> {
  const rows = await db.emailMessage.findMany({
    where: { shop, claimId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      template: true,
      audience: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
      nextAttemptAt: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    template: EmailTemplateSchema.parse(row.template),
    audience: EmailAudienceSchema.parse(row.audience),
    status: EmailStatusSchema.parse(row.status),
  }));
}

/** "Send again": a failed email goes back to the queue with a fresh set of tries. False if not failed (or not the shop's). */
export async function requeueFailedEmail(db: Db, shop: string, emailId: string, now: Date): Promise<boolean> {
  const { count } = await db.emailMessage.updateMany({
    where: { id: emailId, shop, status: "failed" },
    data: { status: "queued", attempts: 0, nextAttemptAt: now, leaseOwner: null, leaseUntil: null },
  });
  return count === 1;
}
