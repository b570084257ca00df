// The demo mailbox's pages (/demo/mail): the emails the app sent, one list per reader (the merchant,
// the shoppers), and each message as its reader sees it. The email's HTML is shown in a sandboxed
// frame (srcdoc, no scripts allowed) under a page CSP that allows only the page's own small script.
import type { DemoMail, MailAddress } from "./mailbox";
import { BASE_STYLE, escapeHtml } from "./pages";

type MailReader = "merchant" | "shopper";

export interface MailboxView {
  shopName: string;
  /** The shop's timezone: times are shown as the merchant's admin shows them. */
  timezone: string;
  smtpUrl: string;
  /** The demo store's customers: mail to one of them is a shopper's; the rest is the merchant's. */
  customers: readonly { name: string; email: string }[];
}

/** Whose mailbox an address is: a demo customer's (a shopper) or the shop's (the merchant). */
function readerOf(view: MailboxView, address: string): { reader: MailReader; name: string } {
  const customer = view.customers.find((c) => c.email.toLowerCase() === address.toLowerCase());
  return customer ? { reader: "shopper", name: customer.name } : { reader: "merchant", name: view.shopName };
}

/** A message's readers: who the SMTP conversation delivered it to. */
function readersOf(view: MailboxView, mail: DemoMail): MailReader[] {
  return [...new Set(mail.recipients.map((address) => readerOf(view, address).reader))];
}

/** The Content-Security-Policy of the mailbox's pages: no script but the page's own (by nonce). */
export const mailPageCsp = (nonce: string) =>
  [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    `script-src 'nonce-${nonce}'`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");

const READERS: Record<MailReader, { heading: string; none: string }> = {
  merchant: {
    heading: "The merchant",
    none: "No email to the merchant yet. A new claim, a shopper's reply or a response coming due sends one.",
  },
  shopper: {
    heading: "The shoppers",
    none: "No email to a shopper yet. File a claim from an order page: the confirmation arrives here within seconds.",
  },
};

const MAIL_STYLE = `${BASE_STYLE}
  .topbar { height: auto; min-height: 56px; flex-wrap: wrap; row-gap: 4px; padding: 8px 16px; box-sizing: border-box; }
  .topbar a { color: #e3e3e3; }
  main { max-width: 1120px; margin: 24px auto 48px; padding: 0 16px; display: grid; gap: 16px; }
  h1 { font-size: 24px; margin: 0; }
  h2 { font-size: 18px; margin: 0 0 12px; }
  .card { background: #fff; border-radius: 12px; padding: 20px 24px; box-shadow: 0 1px 0 #d4d4d4; min-width: 0; }
  .lead { margin: 8px 0 0; color: #4a4a4a; }
  .readers { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; align-items: start; }
  ol.mails { list-style: none; margin: 0; padding: 0; }
  ol.mails li { border-top: 1px solid #e3e3e3; }
  ol.mails li:first-child { border-top: 0; }
  ol.mails a { display: grid; gap: 2px; padding: 10px 8px; text-decoration: none; color: #303030; border-radius: 8px; }
  ol.mails a:hover, ol.mails a:focus-visible { background: #f1f1f1; }
  ol.mails a:focus-visible { outline: 2px solid #005bd3; }
  .subject { font-weight: 600; color: #005bd3; overflow-wrap: anywhere; }
  .meta { font-size: 13px; color: #4a4a4a; overflow-wrap: anywhere; }
  .empty { color: #4a4a4a; margin: 0; }
  dl.headers { display: grid; grid-template-columns: max-content 1fr; gap: 6px 16px; margin: 16px 0 0; }
  dl.headers dt { font-weight: 600; color: #4a4a4a; }
  dl.headers dd { margin: 0; overflow-wrap: anywhere; }
  .formats { display: flex; gap: 8px; margin: 0 0 12px; }
  .formats a { padding: 6px 12px; border-radius: 8px; border: 1px solid #8a8a8a; color: #303030; text-decoration: none; font-weight: 600; }
  .formats a[aria-current="page"] { background: #303030; border-color: #303030; color: #fff; }
  .formats a:focus-visible { outline: 2px solid #005bd3; outline-offset: 2px; }
  .reading { display: grid; gap: 16px; grid-template-columns: minmax(0, 1fr); }
  .message { display: grid; gap: 16px; min-width: 0; }
  @media (min-width: 960px) {
    .reading { grid-template-columns: 320px minmax(0, 1fr); align-items: start; }
    .reading .inbox { grid-column: 1; grid-row: 1; }
    .reading .message { grid-column: 2; grid-row: 1; }
  }
  ol.mails a[aria-current="page"] { background: #eaf4ff; }
  iframe.body { width: 100%; min-height: 160px; border: 1px solid #e3e3e3; border-radius: 8px; background: #fff; display: block; }
  pre.body { white-space: pre-wrap; overflow-wrap: anywhere; font: 14px/1.5 ui-monospace, Menlo, Consolas, monospace; margin: 0; background: #fafafa; border: 1px solid #e3e3e3; border-radius: 8px; padding: 16px; }
  @media (max-width: 560px) {
    main { padding: 0 8px; margin-top: 12px; }
    .card { padding: 16px; }
    dl.headers { grid-template-columns: 1fr; gap: 0; }
    dl.headers dd { margin-bottom: 8px; }
  }
`;

function page(title: string, body: string, nonce: string, script = "") {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Warranty Desk demo</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>${MAIL_STYLE}</style></head>
<body>
<header class="topbar"><strong>Warranty Desk</strong><span class="badge">Offline demo</span><a href="/demo/mail">Demo mailbox</a><a href="/demo">Demo home</a></header>
<main>
${body}
</main>
${script ? `<script nonce="${escapeHtml(nonce)}">${script}</script>` : ""}
</body></html>`;
}

const formatTime = (date: Date, timezone: string) =>
  new Intl.DateTimeFormat("en-GB", {
    timeZone: timezone,
    weekday: "short",
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);

const time = (date: Date, timezone: string) =>
  `<time datetime="${date.toISOString()}">${escapeHtml(formatTime(date, timezone))}</time>`;

/** "Name <address>", as a mail client shows a sender or recipient. */
const formatAddress = (a: MailAddress) => (a.name ? `${a.name} <${a.address}>` : a.address);
const addressList = (list: MailAddress[]) => escapeHtml(list.map(formatAddress).join(", ")) || "(none)";

/** One message in a list: its subject (a link to it), to whom and from whom, when it arrived. */
function mailItem(view: MailboxView, mail: DemoMail, reader: MailReader, current = false) {
  const to = mail.recipients
    .filter((address) => readerOf(view, address).reader === reader)
    .map((address) => (reader === "shopper" ? readerOf(view, address).name : address))
    .join(", ");
  const from = mail.from[0]?.name || mail.from[0]?.address || "(no sender)";
  return `<li><a href="/demo/mail/${encodeURIComponent(mail.id)}"${current ? ' aria-current="page"' : ""}><span class="subject">${escapeHtml(mail.subject || "(no subject)")}</span>
<span class="meta">To ${escapeHtml(to)} · from ${escapeHtml(from)}</span>
<span class="meta">${time(mail.receivedAt, view.timezone)}</span></a></li>`;
}

/** /demo/mail: every email, one list per reader, newest first. */
export function mailboxPage(view: MailboxView, mails: readonly DemoMail[], nonce: string): string {
  const section = (reader: MailReader) => {
    const own = mails.filter((mail) => readersOf(view, mail).includes(reader));
    const items = own.map((mail) => mailItem(view, mail, reader)).join("");
    const id = `reader-${reader}`;
    return `<section class="card" aria-labelledby="${id}"><h2 id="${id}">${READERS[reader].heading} (${own.length})</h2>
${own.length ? `<ol class="mails">${items}</ol>` : `<p class="empty">${escapeHtml(READERS[reader].none)}</p>`}</section>`;
  };
  return page(
    "Demo mailbox",
    `<div class="card"><h1>Demo mailbox</h1>
<p class="lead">Every email the app sent, as it arrived at the demo's own SMTP server
(<code>${escapeHtml(view.smtpUrl)}</code>): the shoppers' emails about their claims and the merchant's
notices. Newest first; <a href="/demo/mail">check for new mail</a>.</p></div>
<div class="readers">${section("merchant")}${section("shopper")}</div>`,
    nonce,
  );
}

/**
 * The email's HTML for the sandboxed frame: its links open outside the frame, and those to
 * Shopify's pages (the order in customer accounts, the claim in the admin) through /demo/link,
 * which opens the demo's stand-in for that page in the email's language.
 */
function frameDocument(html: string) {
  const language = /<html[^>]*\blang="([a-z]{2})/i.exec(html)?.[1] ?? "en";
  const linked = html.replace(/\bhref="(https?:\/\/[^"]+)"/g, (_, href: string) => {
    const url = href.replace(/&amp;/g, "&");
    return `href="/demo/link?${new URLSearchParams({ url, locale: language }).toString().replace(/&/g, "&amp;")}"`;
  });
  const base = '<base target="_blank">';
  return /<head[^>]*>/i.test(linked) ? linked.replace(/<head[^>]*>/i, (head) => head + base) : base + linked;
}

// The frame is as tall as the email (it runs no script of its own; its document is the page's
// origin so this script can measure it).
const FIT_FRAME_SCRIPT = `
(function () {
  var frame = document.querySelector("iframe.body");
  if (!frame) return;
  function fit() {
    var doc = frame.contentDocument;
    if (!doc || !doc.documentElement) return;
    // Shrink first: a document is never shorter than its frame.
    frame.style.height = "0px";
    frame.style.height = doc.documentElement.scrollHeight + 2 + "px";
  }
  frame.addEventListener("load", fit);
  window.addEventListener("resize", fit);
  fit();
})();
`;

/**
 * /demo/mail/:id: one email as its reader reads it, the HTML part or (?part=text) the plain-text
 * part, beside the list of its first recipient's mail (`mails`, newest first).
 */
export function mailMessagePage(
  view: MailboxView,
  mail: DemoMail,
  mails: readonly DemoMail[],
  part: "html" | "text",
  nonce: string,
): string {
  // Whose mailbox each envelope recipient is: "Rahel Störl, shopper (rahel@…)".
  const deliveredTo = mail.recipients
    .map((address) => {
      const { reader, name } = readerOf(view, address);
      return `${name}, ${reader === "merchant" ? "merchant" : "shopper"} (${address})`;
    })
    .join("; ");
  const shown = part === "html" && mail.html !== null ? "html" : "text";
  const format = (value: "html" | "text", label: string) =>
    `<a href="/demo/mail/${encodeURIComponent(mail.id)}${value === "text" ? "?part=text" : ""}"${shown === value ? ' aria-current="page"' : ""}>${label}</a>`;
  const body =
    shown === "html"
      ? `<iframe class="body" title="The email's HTML part" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox" srcdoc="${escapeHtml(frameDocument(mail.html!))}"></iframe>`
      : `<pre class="body">${escapeHtml(mail.text ?? "(This email has no plain-text part.)")}</pre>`;
  // Beside the message (after it, on a phone): the mailbox it landed in, as its reader sees it.
  const owner = mail.recipients[0] ?? "";
  const { reader, name } = readerOf(view, owner);
  const inbox = mails
    .filter((other) => other.recipients.includes(owner))
    .map((other) => mailItem(view, other, reader, other.id === mail.id))
    .join("");
  return page(
    mail.subject || "(no subject)",
    `<nav aria-label="Breadcrumb"><a href="/demo/mail">← Demo mailbox</a></nav>
<div class="reading">
<div class="message">
<article class="card" aria-labelledby="subject">
<h1 id="subject">${escapeHtml(mail.subject || "(no subject)")}</h1>
<dl class="headers">
<dt>From</dt><dd>${addressList(mail.from)}</dd>
<dt>To</dt><dd>${addressList(mail.to)}</dd>
<dt>Reply-To</dt><dd>${addressList(mail.replyTo)}</dd>
<dt>Date</dt><dd>${time(mail.date ?? mail.receivedAt, view.timezone)}</dd>
<dt>Delivered to</dt><dd>${escapeHtml(deliveredTo)}</dd>
</dl>
</article>
<section class="card" aria-label="The email">
${mail.html === null ? '<p class="empty">This email has only a plain-text part.</p>' : `<nav class="formats" aria-label="Format">${format("html", "HTML")}${format("text", "Plain text")}</nav>`}
${body}
</section>
</div>
<nav class="card inbox" aria-labelledby="inbox"><h2 id="inbox">${escapeHtml(reader === "merchant" ? "The merchant's mail" : `${name}'s mail`)}</h2>
<p class="meta">${escapeHtml(owner)}</p>
<ol class="mails">${inbox}</ol></nav>
</div>`,
    nonce,
    shown === "html" ? FIT_FRAME_SCRIPT : "",
  );
}
