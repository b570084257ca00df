// `npm run backfill -- --shop SHOP.myshopify.com [--days 730]`: records the delivery facts of the
// shop's orders that shipped before the app was installed (see
// app/services/backfill-delivery-facts.server.ts), using the shop's stored offline session.
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";

const usage = "usage: npm run backfill -- --shop SHOP.myshopify.com [--days N]\n";

async function main(): Promise<number> {
  let values: { shop?: string; days?: string };
  try {
    ({ values } = parseArgs({ options: { shop: { type: "string" }, days: { type: "string" } } }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    return 2;
  }
  const shop = values.shop?.replace(/^https?:\/\//, "").replace(/\/$/, "");
  const days = values.days === undefined ? 730 : Number(values.days);
  if (!shop || !/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(shop) || !Number.isInteger(days) || days < 1) {
    process.stderr.write(usage);
    return 2;
  }
  // The app's environment (database, API keys), as `npm start` reads it.
  if (existsSync(".env")) process.loadEnvFile(".env");
  let app;
  try {
    app = {
      db: (await import("../app/db.server")).default,
      shopify: await import("../app/shopify.server"),
      backfill: await import("../app/services/backfill-delivery-facts.server"),
    };
  } catch (error) {
    // An incomplete environment: the app's own message says what to set.
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  try {
    const { admin } = await app.shopify.unauthenticated.admin(shop);
    const result = await app.backfill.backfillDeliveryFacts(app.db, admin.graphql, shop, new Date(), {
      sinceDays: days,
      onPage: (p) => process.stderr.write(`page ${p.pages}: ${p.orders} orders, ${p.recorded} facts recorded\n`),
    });
    process.stdout.write(
      `${shop}: ${result.orders} shipped orders of the last ${days} days, ${result.lines} fulfilled lines, ${result.recorded} delivery facts recorded${result.truncated ? " (stopped early: run again to continue)" : ""}.\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(
      `backfill failed for ${shop}: ${error instanceof Error ? error.message : String(error)}\n` +
        "Is the app installed on this shop (a stored offline session)?\n",
    );
    return 1;
  } finally {
    await app.db.$disconnect();
  }
}

process.exitCode = await main();
