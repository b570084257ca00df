import type { PrismaClient } from "@prisma/client";
import { decode } from "turbo-stream";
import { signAdminSessionToken } from "../test/demo/session-tokens";
import { BENCH_APP, BROWSER_USER_AGENT } from "./bench-app";
import type { BenchServer, ShopperOrder } from "./bench-server";
import { timingOf, type ScenarioResult, type Timing } from "./report";
import { fileShopperClaim } from "./shopper-claim";

// Refunds at volume (docs/decisions/034): each shopper files a claim on one of the two units of
// their order (POST /api/claims, a refund preferred); the merchant opens the claim page (its
// loader gives the version), approves without a return (`decide`), opens the Resolve modal (its
// preview gives the version and the digest) and confirms: RESOLVE_CLICKS posts of the same
// `resolve` at once (a double click and a second tab), then the same post again once they
// answered (a client retrying after its timeout). A few claims go through alone first (their
// app-only time is exact), then REFUNDS_IN_FLIGHT at once, so the refunds reach the simulated
// Shopify concurrently. Afterwards the simulator's refunds are counted per order: exactly one
// each, of one unit's paid price, and every claim resolved in our database with its refund step
// holding that refund. A refund made twice would be accepted by Shopify (a unit is left), and counted.

/** Claims worked at once in the concurrent phase. */
export const REFUNDS_IN_FLIGHT = 20;
/** The same resolve post sent at once per claim: a double click and a second tab. */
export const RESOLVE_CLICKS = 3;

interface Answer {
  status: number;
  serverMs: number;
  simulatorMs: number;
  /** The refusal's code (e.g. claim.changed_meanwhile) when the app said one. */
  code: string | null;
}

interface SimulatorOrder {
  orderId: string;
  /** What one unit of each line was paid, in minor units. */
  unitPaid: Record<string, number>;
  refunds: { id: string; amount: number; lines: { lineItemId: string; quantity: number }[] }[];
}

export interface RefundsRun {
  claims: number;
  refundsInSimulator: number;
  /** Orders refunded more than once. */
  doubled: string[];
  /** Orders of a claim with no refund. */
  missing: string[];
  /** Orders refunded another amount than one unit's paid price (the unit claimed). */
  wrongAmount: string[];
  /** Claims not resolved in our database, or without their one refund step recorded as Shopify's refund. */
  unrecorded: string[];
  /** Every resolve post's answer, by status and the refusal's code: "200", "409 claim.changed_meanwhile" … */
  answers: Record<string, number>;
  /** Answers that were neither a success nor the app's refusal (409), with what they said. */
  errors: string[];
  /** Server times of the resolve posts that were answered with success, alone and REFUNDS_IN_FLIGHT at once. */
  resolved: { alone: Answer[]; together: Answer[] };
  /** Server times of the other clicks and the retries (the app's refusals). */
  refused: Answer[];
  seconds: number;
}

/**
 * What a single-fetch answer (a `.data` URL, as the admin's browser fetches it) carries, decoded as
 * Remix's client decodes it (turbo-stream): an action's `{ data }`, a loader's `{ [routeId]: { data } }`.
 */
async function singleFetchValue(body: string): Promise<unknown> {
  const { value, done } = await decode(new Response(body).body!);
  await done;
  return value;
}

const CLAIM_ROUTE = "routes/app.claims.$claimId";

async function actionData<T>(body: string): Promise<T> {
  return ((await singleFetchValue(body)) as { data: T }).data;
}

const chunked = <T>(items: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

export async function runRefunds(
  server: BenchServer,
  db: PrismaClient,
  shop: string,
  shoppers: readonly ShopperOrder[],
): Promise<RefundsRun> {
  const adminHeaders = async () => ({
    Authorization: `Bearer ${(await signAdminSessionToken(BENCH_APP, shop)).token}`,
    "User-Agent": BROWSER_USER_AGENT,
    "Content-Type": "application/json",
  });
  const answers: Record<string, number> = {};
  const errors: string[] = [];
  const resolved: RefundsRun["resolved"] = { alone: [], together: [] };
  const refused: Answer[] = [];
  const claimOfOrder = new Map<string, string>();

  const post = async (path: string, headers: Record<string, string>, body: unknown) =>
    server.request(path, { method: "POST", headers, body: JSON.stringify(body) });

  /** One claim from the shopper's form to the merchant's confirmed resolution. */
  const refundOne = async (shopper: ShopperOrder, phase: "alone" | "together") => {
    const filed = await fileShopperClaim(server, shop, shopper);
    const claimId = (JSON.parse(filed.body) as { claim: { id: string } }).claim.id;
    claimOfOrder.set(shopper.orderId, claimId);
    // The merchant opens the claim page: its version is what the page's actions post.
    const headers = await adminHeaders();
    const page = await server.request(`/app/claims/${claimId}.data`, { headers });
    const loaded = (await singleFetchValue(page.body)) as Record<string, { data: { version: number } }>;
    const version = loaded[CLAIM_ROUTE]!.data.version;
    const decided = await post(`/app/claims/${claimId}.data`, headers, {
      intent: "decide",
      version,
      items: [{ lineItemId: shopper.lineItemId, decision: "approve", resolution: "refund" }],
      returnRequired: false,
    });
    if (!(await actionData<{ ok?: boolean }>(decided.body)).ok) throw new Error(`claim ${claimId}: not decided`);
    // The Resolve modal's preview, and what its Resolve button posts.
    const choices = { items: [], restock: false };
    const preview = await actionData<{ version: number; digest: string }>(
      (await post(`/app/claims/${claimId}/resolution-preview.data`, headers, choices)).body,
    );
    const resolve = { ...choices, note: "", digest: preview.digest, intent: "resolve", version: preview.version };
    const send = async () => {
      const answer = await server.request(`/app/claims/${claimId}.data`, {
        method: "POST",
        headers,
        body: JSON.stringify(resolve),
        expectStatus: "any",
      });
      const data = await actionData<{ ok?: boolean; error?: { code?: string; message?: string } } | null>(
        answer.body,
      ).catch(() => null);
      const code = data?.error?.code ?? null;
      const key = `${answer.status}${code ? ` ${code}` : ""}`;
      answers[key] = (answers[key] ?? 0) + 1;
      const timed = { status: answer.status, serverMs: answer.serverMs, simulatorMs: answer.simulatorMs, code };
      if (answer.status === 200 && data?.ok) resolved[phase].push(timed);
      else if (answer.status === 409) refused.push(timed);
      else errors.push(`claim ${claimId}: resolve answered HTTP ${answer.status} ${data?.error?.message ?? ""}`);
    };
    await Promise.all(Array.from({ length: RESOLVE_CLICKS }, send));
    await send();
  };

  let done = 0;
  const work = async (queue: ShopperOrder[], phase: "alone" | "together") => {
    while (queue.length > 0) {
      const shopper = queue.shift()!;
      await refundOne(shopper, phase).catch((error: unknown) => {
        errors.push(`order ${shopper.orderId}: ${String(error).slice(0, 300)}`);
      });
      if (++done % 100 === 0) console.error(`refunds: ${done} of ${shoppers.length} claims resolved …`);
    }
  };
  console.error(`refunds: ${shoppers.length} claims, ${RESOLVE_CLICKS} resolve clicks and a retry each …`);
  const started = performance.now();
  const alone = Math.max(1, Math.min(20, Math.floor(shoppers.length / 10)));
  await work(shoppers.slice(0, alone), "alone");
  const rest = shoppers.slice(alone);
  await Promise.all(Array.from({ length: REFUNDS_IN_FLIGHT }, () => work(rest, "together")));
  const seconds = (performance.now() - started) / 1000;

  // What the simulated Shopify holds, order by order.
  const response = await fetch(`${server.baseUrl}/bench/simulator/refunds`);
  const { orders } = (await response.json()) as { orders: SimulatorOrder[] };
  const simulated = new Map(orders.map((order) => [order.orderId, order]));
  const doubled: string[] = [];
  const missing: string[] = [];
  const wrongAmount: string[] = [];
  let refundsInSimulator = 0;
  for (const shopper of shoppers) {
    const order = simulated.get(shopper.orderId);
    const refunds = order?.refunds ?? [];
    refundsInSimulator += refunds.length;
    if (refunds.length === 0) missing.push(shopper.orderId);
    if (refunds.length > 1) doubled.push(shopper.orderId);
    // One unit claimed of the two ordered.
    const paid = order?.unitPaid[shopper.lineItemId];
    if (refunds.some((refund) => refund.amount !== paid)) wrongAmount.push(shopper.orderId);
  }

  // What our database recorded: every claim resolved, its refund step succeeded with Shopify's refund.
  // In chunks: SQLite takes at most 999 parameters a statement.
  const chunks = chunked([...claimOfOrder.values()], 500);
  const claims = (
    await Promise.all(
      chunks.map((ids) => db.claim.findMany({ where: { id: { in: ids } }, select: { id: true, status: true } })),
    )
  ).flat();
  const steps = (
    await Promise.all(
      chunks.map((ids) =>
        db.shopifyAction.findMany({
          where: { claimId: { in: ids }, kind: "refund" },
          select: { claimId: true, status: true, shopifyId: true },
        }),
      ),
    )
  ).flat();
  const stepOf = new Map(steps.map((step) => [step.claimId, step]));
  const claimById = new Map(claims.map((claim) => [claim.id, claim]));
  const unrecorded = shoppers.flatMap((shopper) => {
    const claim = claimById.get(claimOfOrder.get(shopper.orderId) ?? "");
    const step = claim && stepOf.get(claim.id);
    const refunds = simulated.get(shopper.orderId)?.refunds ?? [];
    const right =
      claim?.status === "resolved" &&
      step?.status === "succeeded" &&
      refunds.length === 1 &&
      step.shopifyId === refunds[0]!.id;
    return right ? [] : [claim?.id ?? `(no claim on ${shopper.orderId})`];
  });

  return {
    claims: claims.length,
    refundsInSimulator,
    doubled,
    missing,
    wrongAmount,
    unrecorded,
    answers,
    errors,
    resolved,
    refused,
    seconds,
  };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const serverMs = (answers: Answer[]) => answers.map((a) => a.serverMs);
const appOnlyMs = (answers: Answer[]) => answers.map((a) => Math.max(0, a.serverMs - a.simulatorMs));

/**
 * The scenario's result: it passes with exactly one refund per claim in the simulator, of the
 * claimed amount, each recorded on its resolved claim, and no answer but successes and refusals.
 * The resolve post's server time is reported (no target): with the simulator and without it.
 */
export async function measureRefunds(
  server: BenchServer,
  db: PrismaClient,
  shop: string,
  shoppers: readonly ShopperOrder[],
  baseline: Timing,
): Promise<ScenarioResult> {
  const run = await runRefunds(server, db, shop, shoppers);
  const { alone, together } = run.resolved;
  const cases: Record<string, number[]> = {
    "refunding resolve, one claim at a time": serverMs(alone),
    "refunding resolve, one claim at a time, app only": appOnlyMs(alone),
    [`refunding resolve, ${REFUNDS_IN_FLIGHT} claims at once`]: serverMs(together),
    // The simulator's busy time is anyone's while others are in flight: this is a lower bound.
    [`refunding resolve, ${REFUNDS_IN_FLIGHT} claims at once, app only`]: appOnlyMs(together),
    "refused click or retry (409)": serverMs(run.refused),
  };
  const measured = Object.entries(cases).filter(([, samples]) => samples.length > 0);
  const all = serverMs([...alone, ...together]);
  const timing = all.length > 0 ? timingOf(all) : undefined;
  const pass =
    run.refundsInSimulator === shoppers.length &&
    run.doubled.length === 0 &&
    run.missing.length === 0 &&
    run.wrongAmount.length === 0 &&
    run.unrecorded.length === 0 &&
    run.errors.length === 0;
  const sample = (ids: string[]) => (ids.length > 0 ? ` (e.g. ${ids.slice(0, 3).join(", ")})` : "");
  return {
    name: `refunds, ${shoppers.length} approvals, ${RESOLVE_CLICKS} clicks + a retry each`,
    measure: "server",
    target: { stat: "doubledRefunds", below: 1 },
    pass,
    ...(timing
      ? {
          timing,
          ratio: {
            median: round1(timing.medianMs / baseline.medianMs),
            p95: round1(timing.p95Ms / baseline.p95Ms),
          },
        }
      : {}),
    cases: Object.fromEntries(measured.map(([key, samples]) => [key, timingOf(samples)])),
    errors: run.errors.length,
    refunds: {
      claims: shoppers.length,
      inSimulator: run.refundsInSimulator,
      doubled: run.doubled.length,
      missing: run.missing.length,
      wrongAmount: run.wrongAmount.length,
      unrecorded: run.unrecorded.length,
      resolveAnswers: run.answers,
    },
    notes:
      `${run.refundsInSimulator} refunds in the simulator for ${shoppers.length} claims; ` +
      `doubled ${run.doubled.length}${sample(run.doubled)}, missing ${run.missing.length}${sample(run.missing)}, ` +
      `wrong amount ${run.wrongAmount.length}${sample(run.wrongAmount)}, ` +
      `not recorded as resolved with that refund ${run.unrecorded.length}${sample(run.unrecorded)}; ` +
      `resolve answers ${Object.entries(run.answers)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, n]) => `${key}: ${n}`)
        .join(", ")}; ` +
      `${run.errors.length} errors${run.errors[0] ? ` (e.g. ${run.errors[0].slice(0, 200)})` : ""}; ` +
      `${run.seconds.toFixed(1)} s in all, ${REFUNDS_IN_FLIGHT} claims in flight`,
  };
}
