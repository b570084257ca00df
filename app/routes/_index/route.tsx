import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { login } from "../../shopify.server";
import styles from "./styles.module.css";

// The app's public front page. Opened from the Shopify admin (with ?shop=), it goes straight to
// the embedded app; opened directly, it says what the app does and offers a login.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  const url = new URL(request.url);
  if (url.searchParams.get("shop")) {
    throw redirect(`/app?${url.searchParams.toString()}`);
  }
  return { showForm: Boolean(login) };
};

export default function Index() {
  const { showForm } = useLoaderData<typeof loader>();
  return (
    <main className={styles.index}>
      <div className={styles.content}>
        <h1 className={styles.heading}>Warranty Desk</h1>
        <p className={styles.text}>
          Warranty and damaged-on-arrival claims for Shopify stores, from the shopper&apos;s first report to the refund
          or replacement.
        </p>
        {showForm && (
          <Form className={styles.form} method="post" action="/auth/login">
            <label className={styles.label}>
              <span>Store domain</span>
              <input className={styles.input} type="text" name="shop" placeholder="my-store.myshopify.com" />
              <span>For example: my-store.myshopify.com</span>
            </label>
            <button className={styles.button} type="submit">
              Log in
            </button>
          </Form>
        )}
        <ul className={styles.list}>
          <li>
            <strong>Shoppers file claims from their order</strong>: photos or a video, what went wrong, refund or
            replacement, with the deadline in plain words.
          </li>
          <li>
            <strong>You answer within your promise</strong>: an inbox with a response clock, the real delivery dates and
            the evidence side by side.
          </li>
          <li>
            <strong>Refunds go back to the original payment</strong>: approved claims become Shopify refunds, returns or
            replacement orders, exactly once.
          </li>
        </ul>
      </div>
    </main>
  );
}
