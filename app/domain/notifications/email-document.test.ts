import { describe, expect, it } from "vitest";
import { escapeHtml, renderEmail, type EmailDocument } from "./email-document";

const attack = `<script>alert("x")</script> & 'quotes'`;

const document: EmailDocument = {
  subject: "Claim #7:\r\nBcc: someone@example.com",
  language: "en",
  blocks: [
    { kind: "paragraph", text: `Hello ${attack}` },
    { kind: "heading", text: "Return" },
    { kind: "list", items: [attack, "two"] },
    { kind: "quote", text: `first line\n${attack}` },
    { kind: "address", lines: ["Main St 1", "10115 Berlin"] },
    { kind: "button", label: "View your claim", url: "https://shop.example/account/orders/1?a=1&b=2" },
    { kind: "link", label: "#7 from Ana", url: "https://admin.shopify.com/store/s/apps/a/app/claims/c1" },
    { kind: "footer", text: "Sent for <Shop>" },
  ],
};

describe("renderEmail", () => {
  const rendered = renderEmail(document);

  it("GIVEN markup in any value THEN the HTML shows it as text; no tag of ours carries it", () => {
    expect(rendered.html).not.toContain("<script>");
    expect(rendered.html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quotes&#39;");
    expect(rendered.html).toContain("Sent for &lt;Shop&gt;");
    expect(rendered.html).toContain('href="https://shop.example/account/orders/1?a=1&amp;b=2"');
  });

  it("GIVEN the plain-text part THEN the words as written, the quote marked, the link spelled out", () => {
    expect(rendered.text).toContain(`Hello ${attack}`);
    expect(rendered.text).toContain(`> first line\n> ${attack}`);
    expect(rendered.text).toContain("- two");
    expect(rendered.text).toContain("View your claim: https://shop.example/account/orders/1?a=1&b=2");
    expect(rendered.text).toContain("- #7 from Ana\n  https://admin.shopify.com/store/s/apps/a/app/claims/c1");
  });

  it("GIVEN a subject with line breaks THEN one line (no header injection)", () => {
    expect(rendered.subject).toBe("Claim #7: Bcc: someone@example.com");
  });

  it("GIVEN a simple HTML part THEN inline styles only: no stylesheet, no image, no script", () => {
    expect(rendered.html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(rendered.html).not.toMatch(/<(img|link|style|script)\b/i);
  });

  it("GIVEN a link that is not http(s) THEN it is refused", () => {
    expect(() =>
      renderEmail({ ...document, blocks: [{ kind: "button", label: "x", url: "javascript:alert(1)" }] }),
    ).toThrow("an email link must be http(s), got javascript:");
  });

  it("GIVEN the five characters THEN each escaped", () => {
    expect(escapeHtml(`&<>"'`)).toBe("&amp;&lt;&gt;&quot;&#39;");
  });
});
