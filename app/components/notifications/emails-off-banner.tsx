import { Banner } from "@shopify/polaris";

/**
 * Said wherever the merchant would expect emails (Settings, Notifications and a claim's emails)
 * when this app instance has no SMTP server: what is missing and what to set.
 */
export function EmailsOffBanner({ reason }: { reason: string }) {
  return (
    <Banner tone="warning" title="Emails are off">
      <p>
        {`Warranty Desk cannot send email yet: ${reason}. Set SMTP_URL (your mail server, for example smtp://user:password@smtp.example.com:587) and EMAIL_FROM (the address emails come from) in the app's environment and restart it. Emails wait until then: those queued in the last 7 days go out once it is set.`}
      </p>
    </Banner>
  );
}
