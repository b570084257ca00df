import type { AddressInfo } from "node:net";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer } from "smtp-server";

// A real SMTP server on a random port for the notification tests (smtp-server): it keeps every
// message it accepted, parsed with mailparser, and can refuse the next N messages with a
// temporary error (451) or a permanent one (550), or answer slowly, as a busy mail server does.

export interface ReceivedEmail {
  /** The envelope's recipients (RCPT TO). */
  recipients: string[];
  messageId: string | null;
  from: { name: string; address: string }[];
  replyTo: string[];
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface SmtpSink {
  url: string;
  received: ReceivedEmail[];
  /** Messages refused so far. */
  refused: number;
  /** The next `count` messages are refused (after their data was sent), with 451 unless another code is given. */
  refuseNext(count: number, responseCode?: number): void;
  /** Every message waits `ms` before it is answered. */
  answerAfter(ms: number): void;
  close(): Promise<void>;
}

const addresses = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value : value ? [value] : []).flatMap((group) => group.value);

export async function startSmtpSink(): Promise<SmtpSink> {
  let refusals = 0;
  let refusalCode = 451;
  let delayMs = 0;
  const sink: SmtpSink = {
    url: "",
    received: [],
    refused: 0,
    refuseNext(count, responseCode = 451) {
      refusals = count;
      refusalCode = responseCode;
    },
    answerAfter(ms) {
      delayMs = ms;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        void (async () => {
          if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
          if (refusals > 0) {
            refusals -= 1;
            sink.refused += 1;
            const message = refusalCode >= 500 ? "Mailbox unavailable" : "Mailbox busy, try again later";
            callback(Object.assign(new Error(message), { responseCode: refusalCode }));
            return;
          }
          const parsed = await simpleParser(Buffer.concat(chunks));
          sink.received.push({
            recipients: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            messageId: parsed.messageId ?? null,
            from: addresses(parsed.from).map((entry) => ({ name: entry.name, address: entry.address ?? "" })),
            replyTo: addresses(parsed.replyTo).map((entry) => entry.address ?? ""),
            to: addresses(parsed.to).map((entry) => entry.address ?? ""),
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: parsed.html || "",
          });
          callback();
        })().catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  sink.url = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return sink;
}
