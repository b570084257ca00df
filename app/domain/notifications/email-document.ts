// An email as a few kinds of blocks, rendered twice: plain text and a simple HTML part (inline
// styles, no images, no external resources). Every value reaches the HTML through `escapeHtml`
// here and nowhere else, so a shopper's or merchant's message with markup in it reads as text.

export type EmailBlock =
  | { readonly kind: "paragraph"; readonly text: string }
  | { readonly kind: "heading"; readonly text: string }
  | { readonly kind: "list"; readonly items: readonly string[] }
  /** Someone's own words (the merchant's question, the shopper's answer): kept as written, line breaks included. */
  | { readonly kind: "quote"; readonly text: string }
  | { readonly kind: "address"; readonly lines: readonly string[] }
  | { readonly kind: "button"; readonly label: string; readonly url: string }
  /** A line of a list that leads somewhere (the digest's claims). */
  | { readonly kind: "link"; readonly label: string; readonly url: string }
  | { readonly kind: "footer"; readonly text: string };

export interface EmailDocument {
  readonly subject: string;
  readonly language: string;
  readonly blocks: readonly EmailBlock[];
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/** Links go only to https (or http for a local demo) addresses: anything else is a bug, thrown. */
function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new Error(`an email link must be http(s), got ${parsed.protocol}`);
  }
  return parsed.href;
}

/** A subject is one line: line breaks from stored names would start new headers. */
const oneLine = (value: string) => value.replace(/\s*[\r\n]+\s*/g, " ").trim();

function textOf(block: EmailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return block.text;
    case "heading":
      return block.text.toUpperCase();
    case "list":
      return block.items.map((item) => `- ${item}`).join("\n");
    case "quote":
      return block.text
        .split(/\r?\n/)
        .map((line) => `> ${line}`)
        .join("\n");
    case "address":
      return block.lines.map((line) => `    ${line}`).join("\n");
    case "button":
      return `${block.label}: ${safeUrl(block.url)}`;
    case "link":
      return `- ${block.label}\n  ${safeUrl(block.url)}`;
    case "footer":
      return `--\n${block.text}`;
  }
}

const FONT = "font-family:Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#202223";
const multiline = (text: string) => escapeHtml(text).replace(/\r?\n/g, "<br>");

function htmlOf(block: EmailBlock): string {
  switch (block.kind) {
    case "paragraph":
      return `<p style="margin:0 0 16px">${multiline(block.text)}</p>`;
    case "heading":
      return `<h2 style="margin:24px 0 8px;font-size:17px">${escapeHtml(block.text)}</h2>`;
    case "list":
      return `<ul style="margin:0 0 16px;padding-left:20px">${block.items
        .map((item) => `<li style="margin:0 0 4px">${escapeHtml(item)}</li>`)
        .join("")}</ul>`;
    case "quote":
      return `<blockquote style="margin:0 0 16px;padding:8px 12px;border-left:3px solid #8a8a8a;background:#f6f6f7">${multiline(block.text)}</blockquote>`;
    case "address":
      return `<p style="margin:0 0 16px;padding-left:12px">${block.lines.map(escapeHtml).join("<br>")}</p>`;
    case "button":
      return `<p style="margin:24px 0"><a href="${escapeHtml(safeUrl(block.url))}" style="display:inline-block;padding:10px 18px;background:#303030;color:#ffffff;text-decoration:none;border-radius:8px">${escapeHtml(block.label)}</a></p>`;
    case "link":
      return `<p style="margin:0 0 8px"><a href="${escapeHtml(safeUrl(block.url))}" style="color:#005bd3">${escapeHtml(block.label)}</a></p>`;
    case "footer":
      return `<p style="margin:32px 0 0;font-size:12px;color:#616161">${multiline(block.text)}</p>`;
  }
}

export function renderEmail(document: EmailDocument): RenderedEmail {
  const subject = oneLine(document.subject);
  const text = `${document.blocks.map(textOf).join("\n\n")}\n`;
  const html = [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(document.language)}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:24px;background:#ffffff"><div style="max-width:600px;margin:0 auto;${FONT}">`,
    ...document.blocks.map(htmlOf),
    "</div></body></html>",
  ].join("\n");
  return { subject, text, html };
}
