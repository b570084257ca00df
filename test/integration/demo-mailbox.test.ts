import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nodemailer, { type SendMailOptions } from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { startDemoMailbox, type DemoMailbox } from "../demo/mailbox";
import { mailboxPage, mailMessagePage, mailPageCsp, type MailboxView } from "../demo/mailbox-pages";
import { appPathOrHome, demoPageForShopifyUrl } from "../demo/shopify-links";

// The demo's mailbox (`npm run demo`, /demo/mail): a real SMTP server keeps what nodemailer sends,
// across restarts, and its pages show each message as its reader would read it.

const dirs: string[] = [];
const open: DemoMailbox[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((mailbox) => mailbox.close()));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), "wd-demo-mail-"));
  dirs.push(dir);
  return dir;
}

async function start(dir: string) {
  const mailbox = await startDemoMailbox({ dir });
  open.push(mailbox);
  return mailbox;
}

const VIEW: Omit<MailboxView, "smtpUrl"> = {
  shopName: "Warranty Desk Demo",
  timezone: "Europe/Berlin",
  customers: [{ name: "Anna Schmidt", email: "anna.schmidt@example.com" }],
};

async function send(mailbox: DemoMailbox, message: SendMailOptions) {
  const transport = nodemailer.createTransport({ url: mailbox.smtpUrl });
  try {
    return await transport.sendMail(message);
  } finally {
    transport.close();
  }
}

const confirmation: SendMailOptions = {
  from: { name: "Warranty Desk Demo", address: "claims@warranty-desk.example" },
  to: "anna.schmidt@example.com",
  replyTo: "owner@warranty-desk-demo.myshopify.com",
  subject: "Nous avons reçu votre réclamation n° 1042",
  text: "Bonjour Anna,\nNous répondrons avant le jeudi 3 décembre à 14:00.",
  html: '<html lang="fr"><head><title>Réclamation</title></head><body><p>Bonjour Anna,</p><p>Nous répondrons avant le <strong>jeudi 3 décembre</strong>.</p><a href="https://warranty-desk-demo.myshopify.com/account/orders/1002?a=1&amp;b=2">Voir</a><script>parent.document.title = "pwned"</script></body></html>',
  date: new Date("2026-11-29T10:15:00Z"),
};

describe("the demo mailbox", () => {
  it("keeps what an SMTP client sends, with its sender, recipients, Reply-To, subject and both parts", async () => {
    // GIVEN the demo's mailbox
    const mailbox = await start(tempDir());
    expect(mailbox.smtpUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);

    // WHEN nodemailer sends the shopper's confirmation through it, and the merchant's notice to two addresses
    const sent = await send(mailbox, confirmation);
    await send(mailbox, {
      from: { name: "Warranty Desk Demo", address: "claims@warranty-desk.example" },
      to: ["owner@warranty-desk-demo.myshopify.com", "support@warranty-desk-demo.example"],
      subject: "New claim #1042",
      text: "A new arrival claim needs a response by Thursday.",
    });

    // THEN both are kept, newest first, as they were sent
    const [notice, shopperMail] = mailbox.list();
    expect(shopperMail).toMatchObject({
      messageId: sent.messageId,
      from: [{ name: "Warranty Desk Demo", address: "claims@warranty-desk.example" }],
      to: [{ name: "", address: "anna.schmidt@example.com" }],
      replyTo: [{ name: "", address: "owner@warranty-desk-demo.myshopify.com" }],
      recipients: ["anna.schmidt@example.com"],
      subject: "Nous avons reçu votre réclamation n° 1042",
      text: "Bonjour Anna,\nNous répondrons avant le jeudi 3 décembre à 14:00.",
      date: new Date("2026-11-29T10:15:00Z"),
    });
    expect(shopperMail!.html).toContain("<strong>jeudi 3 décembre</strong>");
    expect(notice).toMatchObject({
      subject: "New claim #1042",
      recipients: ["owner@warranty-desk-demo.myshopify.com", "support@warranty-desk-demo.example"],
      html: null,
    });
    expect(mailbox.find(shopperMail!.id)).toEqual(shopperMail);
  });

  it("still has every message after a restart, in the same order", async () => {
    // GIVEN three messages kept by a mailbox that then stops
    const dir = tempDir();
    let mailbox = await start(dir);
    for (const subject of ["first", "second", "third"]) await send(mailbox, { ...confirmation, subject });
    const before = mailbox.list();
    await mailbox.close();

    // WHEN the demo starts again on the same data dir (beside a file that is not a message)
    writeFileSync(join(dir, "notes.json"), JSON.stringify({ note: "not mail" }));
    mailbox = await start(dir);

    // THEN the same messages are there, newest first, and new mail joins them
    expect(mailbox.list()).toEqual(before);
    expect(before.map((m) => m.subject)).toEqual(["third", "second", "first"]);
    await send(mailbox, { ...confirmation, subject: "fourth" });
    expect(mailbox.list().map((m) => m.subject)).toEqual(["fourth", "third", "second", "first"]);
    expect(readdirSync(dir).filter((f) => !f.startsWith("notes"))).toHaveLength(4);
  });
});

describe("the demo mailbox's pages", () => {
  it("list the merchant's and the shoppers' mail apart, and show a message as its reader reads it", async () => {
    const mailbox = await start(tempDir());
    const view: MailboxView = { ...VIEW, smtpUrl: mailbox.smtpUrl };
    await send(mailbox, confirmation);
    await send(mailbox, {
      from: { name: "Warranty Desk Demo", address: "claims@warranty-desk.example" },
      to: "owner@warranty-desk-demo.myshopify.com",
      subject: "New claim #1042",
      text: "A new arrival claim.",
    });
    const [notice, shopperMail] = mailbox.list();

    // WHEN the mailbox lists them THEN each is in its reader's list (the shopper by name)
    const list = mailboxPage(view, mailbox.list(), "n0nce");
    const section = (heading: string) => list.slice(list.indexOf(heading)).split("</section>")[0]!;
    expect(section("The merchant (1)")).toContain("New claim #1042");
    expect(section("The merchant (1)")).not.toContain("réclamation");
    expect(section("The shoppers (1)")).toContain("Nous avons reçu votre réclamation n° 1042");
    expect(section("The shoppers (1)")).toContain("To Anna Schmidt");
    expect(section("The shoppers (1)")).toContain(`href="/demo/mail/${shopperMail!.id}"`);

    // WHEN the shopper's message opens THEN its headers are shown as a mail client shows them
    const html = mailMessagePage(view, shopperMail!, mailbox.list(), "html", "n0nce");
    expect(html).toContain("<dt>From</dt><dd>Warranty Desk Demo &lt;claims@warranty-desk.example&gt;</dd>");
    expect(html).toContain("<dt>To</dt><dd>anna.schmidt@example.com</dd>");
    expect(html).toContain("<dt>Reply-To</dt><dd>owner@warranty-desk-demo.myshopify.com</dd>");
    expect(html).toContain('<time datetime="2026-11-29T10:15:00.000Z">Sun, 29 Nov 2026, 11:15</time>');
    // AND its HTML part is in a sandboxed frame that runs no script, escaped into srcdoc
    const frame = /<iframe class="body"[^>]*>/.exec(html)![0];
    const sandbox = /sandbox="([^"]*)"/.exec(frame)![1]!.split(" ");
    expect(sandbox).not.toContain("allow-scripts");
    expect(sandbox).not.toContain("allow-top-navigation");
    expect(frame).toContain(
      'srcdoc="&lt;html lang=&quot;fr&quot;&gt;&lt;head&gt;&lt;base target=&quot;_blank&quot;&gt;',
    );
    expect(frame).toContain("&lt;script&gt;parent.document.title");
    // (its links to Shopify's pages go through the demo's stand-ins, in the email's language)
    expect(frame).toContain(
      "href=&quot;/demo/link?url=https%3A%2F%2Fwarranty-desk-demo.myshopify.com%2Faccount%2Forders%2F1002%3Fa%3D1%26b%3D2&amp;amp;locale=fr&quot;",
    );
    expect(html).not.toContain("<script>parent.document.title");
    // (the page's own script runs by its nonce; nothing else may)
    expect(html).toContain('<script nonce="n0nce">');
    expect(mailPageCsp("n0nce")).toContain("script-src 'nonce-n0nce'");
    expect(html).toMatch(/<a href="\/demo\/mail\/[^"]+" aria-current="page">HTML<\/a>/);
    // AND beside it, the shopper's own mail (this message marked), without the merchant's
    const inbox = html.slice(html.indexOf('<nav class="card inbox"'));
    expect(inbox).toContain("Anna Schmidt&#39;s mail");
    expect(inbox).toContain(`<a href="/demo/mail/${shopperMail!.id}" aria-current="page">`);
    expect(inbox).not.toContain("New claim #1042");

    // WHEN the plain-text part is asked for THEN it is shown as text, and the switch says which
    const text = mailMessagePage(view, shopperMail!, mailbox.list(), "text", "n0nce");
    expect(text).toContain('<pre class="body">Bonjour Anna,\nNous répondrons avant le jeudi 3 décembre à 14:00.</pre>');
    expect(text).toMatch(/<a href="\/demo\/mail\/[^"]+\?part=text" aria-current="page">Plain text<\/a>/);
    expect(text).not.toContain("<iframe");

    // AND a message with only a plain-text part shows that, without a switch
    const plainOnly = mailMessagePage(view, notice!, mailbox.list(), "html", "n0nce");
    expect(plainOnly).toContain("This email has only a plain-text part.");
    expect(plainOnly).toContain('<pre class="body">A new arrival claim.');
    expect(plainOnly).toContain(
      "<dt>Delivered to</dt><dd>Warranty Desk Demo, merchant (owner@warranty-desk-demo.myshopify.com)</dd>",
    );
    expect(html).toContain("<dt>Delivered to</dt><dd>Anna Schmidt, shopper (anna.schmidt@example.com)</dd>");
  });

  it("says what to do when nobody has mail yet", async () => {
    const page = mailboxPage({ ...VIEW, smtpUrl: "smtp://127.0.0.1:2525" }, [], "n0nce");
    expect(page).toContain("The merchant (0)");
    expect(page).toContain("No email to a shopper yet. File a claim from an order page");
  });
});

describe("links in the demo's emails", () => {
  const context = {
    shop: "warranty-desk-demo.myshopify.com",
    customers: [{ id: "gid://shopify/Customer/7", orders: [{ id: "gid://shopify/Order/1002" }] }],
  };

  it("open the demo's stand-ins for the shopper's order and the admin's claim page", () => {
    // GIVEN the links the app's emails carry WHEN the demo resolves them THEN its own pages answer
    expect(demoPageForShopifyUrl("https://warranty-desk-demo.myshopify.com/account/orders/1002", context, "fr")).toBe(
      "/demo/shopper?customer=gid%3A%2F%2Fshopify%2FCustomer%2F7&order=gid%3A%2F%2Fshopify%2FOrder%2F1002&locale=fr",
    );
    expect(
      demoPageForShopifyUrl(
        "https://admin.shopify.com/store/warranty-desk-demo/apps/warranty-desk/app/claims/cl_42",
        context,
        "en",
      ),
    ).toBe("/demo/admin?path=%2Fapp%2Fclaims%2Fcl_42");
  });

  it("have no stand-in elsewhere: another store, another host, an unknown order, a path out of the app", () => {
    for (const href of [
      "https://other-shop.myshopify.com/account/orders/1002",
      "https://warranty-desk-demo.myshopify.com/account/orders/9999",
      "http://warranty-desk-demo.myshopify.com/account/orders/1002",
      "https://admin.shopify.com/store/other-shop/apps/warranty-desk/app/claims/cl_42",
      "https://admin.shopify.com/store/warranty-desk-demo/apps/warranty-desk/app/../../settings",
      "https://example.com/app/claims/cl_42",
      "not a url",
    ]) {
      expect(demoPageForShopifyUrl(href, context, "en"), href).toBeNull();
    }
    // (and the demo admin opens only the app's own pages)
    expect(appPathOrHome("/app/claims/cl_42")).toBe("/app/claims/cl_42");
    for (const path of ["//example.com", "/app/../auth", "https://example.com/app", undefined, ["/app/x"]]) {
      expect(appPathOrHome(path)).toBe("/app");
    }
  });
});
