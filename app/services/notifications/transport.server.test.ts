import { describe, expect, it } from "vitest";
import { emailTransportStatus } from "./transport.server";

describe("emailTransportStatus", () => {
  it("is configured with an SMTP URL and a sender address, and names the sender", () => {
    expect(
      emailTransportStatus({ SMTP_URL: "smtp://127.0.0.1:2525", EMAIL_FROM: "claims@warranty-desk.example" }),
    ).toEqual({ configured: true, from: "claims@warranty-desk.example" });
  });

  it.each([
    [{}, "SMTP_URL and EMAIL_FROM are not set"],
    [{ SMTP_URL: "", EMAIL_FROM: "" }, "SMTP_URL and EMAIL_FROM are not set"],
    [{ SMTP_URL: "smtp://127.0.0.1:2525" }, "EMAIL_FROM is not set"],
    [{ EMAIL_FROM: "claims@warranty-desk.example" }, "SMTP_URL is not set"],
    [
      { SMTP_URL: "http://smtp.example.com", EMAIL_FROM: "claims@warranty-desk.example" },
      "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtps://USER:PASSWORD@smtp.example.com:465",
    ],
    [
      { SMTP_URL: "smtp://127.0.0.1:2525", EMAIL_FROM: "not an address" },
      "EMAIL_FROM must be the sender's email address, e.g. claims@warranty-desk.example.com",
    ],
  ])("says why emails are off with %o", (source, reason) => {
    expect(emailTransportStatus(source)).toEqual({ configured: false, reason });
  });
});
