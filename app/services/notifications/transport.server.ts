import nodemailer from "nodemailer";
import { z } from "zod";
import { EmailEnv } from "../../utils/env.server";

// The SMTP transport (issue 12): nodemailer with SMTP_URL and EMAIL_FROM. Without them the app runs
// and emails are off (the worker leaves the outbox alone, Settings says so). Every message carries
// the shop's name as the sender's name, the shop's address as Reply-To, and a Message-ID derived
// from its outbox row, so a resend after a crash is recognisably the same message
// (docs/decisions/029-email-outbox-and-worker.md).

export type EmailTransportStatus = { configured: true; from: string } | { configured: false; reason: string };

const TransportEnvSchema = z.object({ SMTP_URL: EmailEnv.SMTP_URL, EMAIL_FROM: EmailEnv.EMAIL_FROM });

function readEmailSettings(
  source: Record<string, string | undefined>,
): { smtpUrl: string; from: string } | { reason: string } {
  const parsed = TransportEnvSchema.safeParse({
    SMTP_URL: source.SMTP_URL || undefined,
    EMAIL_FROM: source.EMAIL_FROM || undefined,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { reason: `${issue?.path.join(".")} ${issue?.message}` };
  }
  const { SMTP_URL, EMAIL_FROM } = parsed.data;
  if (!SMTP_URL && !EMAIL_FROM) return { reason: "SMTP_URL and EMAIL_FROM are not set" };
  if (!SMTP_URL) return { reason: "SMTP_URL is not set" };
  if (!EMAIL_FROM) return { reason: "EMAIL_FROM is not set" };
  return { smtpUrl: SMTP_URL, from: EMAIL_FROM };
}

/** Whether emails can be sent, and if not, why (for the log and the settings page). */
export function emailTransportStatus(source: Record<string, string | undefined> = process.env): EmailTransportStatus {
  const settings = readEmailSettings(source);
  return "reason" in settings
    ? { configured: false, reason: settings.reason }
    : { configured: true, from: settings.from };
}

/** One email ready for the wire. */
interface OutgoingEmail {
  /** The outbox row's id: the Message-ID is derived from it. */
  outboxId: string;
  /** The shop's name, shown as the sender's name (the address is EMAIL_FROM's). */
  senderName: string;
  replyTo: string | null;
  to: readonly string[];
  subject: string;
  text: string;
  html: string;
}

export interface EmailTransport {
  /** Resolves once the SMTP server accepted the message; throws what it refused. */
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/** `<row-id@sender's domain>`: the same row always gives the same Message-ID. */
function messageIdFor(outboxId: string, fromAddress: string): string {
  const domain = fromAddress.slice(fromAddress.lastIndexOf("@") + 1);
  return `<${outboxId}@${domain}>`;
}

export function createSmtpTransport(smtpUrl: string, fromAddress: string): EmailTransport {
  // Timeouts well inside the worker's 10-minute lease on a row: a hung server fails the attempt
  // (retried later) instead of outliving the lease and letting another instance send it too.
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(email) {
      await transporter.sendMail({
        messageId: messageIdFor(email.outboxId, fromAddress),
        from: { name: email.senderName, address: fromAddress },
        ...(email.replyTo ? { replyTo: email.replyTo } : {}),
        to: [...email.to],
        subject: email.subject,
        text: email.text,
        html: email.html,
      });
    },
    close() {
      transporter.close();
    },
  };
}

/** The configured transport, or null with the reason when emails are off. */
export function transportFromEnv(
  source: Record<string, string | undefined> = process.env,
): { transport: EmailTransport; from: string } | { transport: null; reason: string } {
  const settings = readEmailSettings(source);
  if ("reason" in settings) return { transport: null, reason: settings.reason };
  return { transport: createSmtpTransport(settings.smtpUrl, settings.from), from: settings.from };
}
