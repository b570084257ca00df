// The demo's mailbox: a real SMTP server (smtp-server) on this machine that keeps every email the
// app sends, so `npm run demo` shows them at /demo/mail as the shopper and the merchant would read
// them. Each message is kept as it arrived (its raw bytes and the SMTP envelope) in one JSON file
// per message, so a restart of the demo keeps the mail; mailparser reads it for the pages.
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";
import { z } from "zod";

export interface MailAddress {
  name: string;
  address: string;
}

/** One email as the mailbox keeps it: who the SMTP conversation delivered it to, and its parsed parts. */
export interface DemoMail {
  /** Sortable by arrival: the arrival time in base 36, then random. */
  id: string;
  receivedAt: Date;
  /** The envelope's recipients (RCPT TO): whose mailbox it landed in, Bcc included. */
  recipients: string[];
  messageId: string | null;
  from: MailAddress[];
  to: MailAddress[];
  replyTo: MailAddress[];
  subject: string;
  date: Date | null;
  text: string | null;
  html: string | null;
}

export interface DemoMailbox {
  /** Where the app sends: smtp://127.0.0.1:PORT. */
  smtpUrl: string;
  /** Every message, newest first. */
  list(): DemoMail[];
  find(id: string): DemoMail | undefined;
  close(): Promise<void>;
}

// What a file of the mailbox holds (written by this module; read back with a schema all the same).
const StoredMailSchema = z.object({
  id: z.string().regex(/^[0-9a-z]+-[0-9a-f]+$/),
  receivedAt: z.iso.datetime(),
  recipients: z.array(z.string()),
  /** The message's bytes as they arrived, in base64. */
  raw: z.string(),
});
type StoredMail = z.infer<typeof StoredMailSchema>;

const addresses = (value: AddressObject | AddressObject[] | undefined): MailAddress[] =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((group) =>
    group.value.map((entry) => ({ name: entry.name, address: entry.address ?? "" })),
  );

async function readMail(stored: StoredMail): Promise<DemoMail> {
  const parsed = await simpleParser(Buffer.from(stored.raw, "base64"));
  return {
    id: stored.id,
    receivedAt: new Date(stored.receivedAt),
    recipients: stored.recipients,
    messageId: parsed.messageId ?? null,
    from: addresses(parsed.from),
    to: addresses(parsed.to),
    replyTo: addresses(parsed.replyTo),
    subject: parsed.subject ?? "",
    date: parsed.date ?? null,
    text: parsed.text ?? null,
    html: parsed.html || null,
  };
}

const newestFirst = (a: DemoMail, b: DemoMail) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/**
 * Starts the SMTP server on 127.0.0.1 (a free port unless one is given) with the messages kept in
 * `dir` from earlier runs. No authentication and no TLS: it only listens on this machine.
 */
export async function startDemoMailbox(opts: { dir: string; port?: number }): Promise<DemoMailbox> {
  mkdirSync(opts.dir, { recursive: true });
  const messages = new Map<string, DemoMail>();
  for (const file of readdirSync(opts.dir).filter((name) => name.endsWith(".json"))) {
    const stored = StoredMailSchema.safeParse(JSON.parse(readFileSync(join(opts.dir, file), "utf8")));
    if (!stored.success) {
      console.warn(`The demo mailbox skips ${file}: it is not a message it kept.`);
      continue;
    }
    messages.set(stored.data.id, await readMail(stored.data));
  }

  let sequence = 0;
  async function keep(raw: Buffer, recipients: string[]) {
    const receivedAt = new Date();
    // The time, then a counter and randomness: messages in the same millisecond keep their order.
    const id = `${receivedAt.getTime().toString(36).padStart(9, "0")}-${(sequence++ % 0x10000).toString(16).padStart(4, "0")}${randomBytes(4).toString("hex")}`;
    const stored: StoredMail = { id, receivedAt: receivedAt.toISOString(), recipients, raw: raw.toString("base64") };
    const mail = await readMail(stored);
    const file = join(opts.dir, `${id}.json`);
    writeFileSync(`${file}.partial`, JSON.stringify(stored));
    renameSync(`${file}.partial`, file);
    messages.set(id, mail);
  }

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    banner: "Warranty Desk demo mailbox",
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const recipients = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
        // Answered only once the message is kept: a sender that got 250 can rely on it.
        keep(Buffer.concat(chunks), recipients).then(
          () => callback(),
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    list: () => [...messages.values()].sort(newestFirst),
    find: (id) => messages.get(id),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
