import { z } from "zod";

// The bench's figures: percentiles of repeated runs, each also as a ratio to the baseline (an
// empty route on the same server, measured in the same run), so runs on different machines compare.

/** The nearest-rank percentile (p in 0..100) of unsorted samples. */
function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new Error("percentile of no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

const TimingSchema = z.object({
  samples: z.number().int().positive(),
  medianMs: z.number().nonnegative(),
  p95Ms: z.number().nonnegative(),
  p99Ms: z.number().nonnegative(),
  maxMs: z.number().nonnegative(),
});
export type Timing = z.infer<typeof TimingSchema>;

export function timingOf(samples: readonly number[]): Timing {
  return {
    samples: samples.length,
    medianMs: round(percentile(samples, 50)),
    p95Ms: round(percentile(samples, 95)),
    p99Ms: round(percentile(samples, 99)),
    maxMs: round(Math.max(...samples)),
  };
}

const TargetSchema = z.object({
  stat: z.enum(["p95Ms", "p99Ms", "bytes", "adminOperations", "doubledRefunds", "rssGrowthMb"]),
  below: z.number().positive(),
});

const ScenarioResultSchema = z.object({
  name: z.string(),
  /**
   * What the figure is: "server" (the request log's durationMs), "server-without-simulator" (the
   * same less the time the store simulator, standing in for Shopify, was busy within it), "bytes",
   * "browser" (Chromium's own figures in the page: LCP in ms, its cases per page, and `vitals`).
   */
  measure: z.enum(["server", "server-without-simulator", "bytes", "browser"]),
  target: TargetSchema,
  pass: z.boolean(),
  timing: TimingSchema.optional(),
  /** The scenario's median and p95 over the baseline's. */
  ratio: z.object({ median: z.number(), p95: z.number() }).optional(),
  /** Per case (a tab, a search, a page): its own timing. */
  cases: z.record(z.string(), TimingSchema).optional(),
  bytes: z.record(z.string(), z.number().int().nonnegative()).optional(),
  /** Requests that failed (a status other than the expected one). */
  errors: z.number().int().nonnegative().optional(),
  /** The Admin API operations one request sent, and the cost of the first as the simulator reports it. */
  adminApi: z
    .object({
      operationsPerEvaluation: z.number().int().nonnegative(),
      operations: z.array(z.string()),
      requestedQueryCost: z.number().nullable(),
      actualQueryCost: z.number().nullable(),
    })
    .optional(),
  /**
   * Core Web Vitals per page (its LCP timing is in `cases`): the largest CLS of its runs, the medians
   * of the document's first byte and first contentful paint (what the LCP waits on), the LCP element;
   * and every page's LCP counted from the admin page's own start.
   */
  vitals: z
    .object({
      lcpTargetMs: z.number().positive(),
      clsTarget: z.number().positive(),
      pages: z.record(
        z.string(),
        z.object({
          cls: z.number().nonnegative(),
          firstByteMedianMs: z.number().nonnegative(),
          fcpMedianMs: z.number().nonnegative(),
          lcpElement: z.string(),
        }),
      ),
      lcpFromAdmin: TimingSchema,
    })
    .optional(),
  /** Why the scenario was not measured on this machine (e.g. no Chromium); `pass` is then false. */
  notRun: z.string().optional(),
  /** The refunds scenario's counts: Shopify's refunds per claim, and the resolve posts' answers. */
  refunds: z
    .object({
      claims: z.number().int().nonnegative(),
      inSimulator: z.number().int().nonnegative(),
      doubled: z.number().int().nonnegative(),
      missing: z.number().int().nonnegative(),
      wrongAmount: z.number().int().nonnegative(),
      unrecorded: z.number().int().nonnegative(),
      /** By status and the refusal's code, e.g. "409 claim.changed_meanwhile". */
      resolveAnswers: z.record(z.string(), z.number().int().nonnegative()),
    })
    .optional(),
  /**
   * Resident memory of a process while the scenario ran (MB): before it, its peak, and the growth
   * between (the uploads': the app's, and the bench's own while it streams a video).
   */
  memory: z.record(z.string(), z.object({ idleMb: z.number(), peakMb: z.number(), growthMb: z.number() })).optional(),
  notes: z.string().optional(),
});
export type ScenarioResult = z.infer<typeof ScenarioResultSchema>;

export const BenchReportSchema = z.object({
  startedAt: z.string().datetime(),
  database: z.enum(["sqlite", "postgresql"]),
  scale: z.object({ shops: z.number().int(), claims: z.number().int(), bigShopClaims: z.number().int() }),
  seedMs: z.number().int().nonnegative(),
  machine: z.object({
    node: z.string(),
    cpus: z.number().int(),
    loadAverage: z.array(z.number()),
    platform: z.string(),
  }),
  baseline: z.object({ route: z.string(), timing: TimingSchema }),
  scenarios: z.array(ScenarioResultSchema),
  notDone: z.array(z.object({ name: z.string(), why: z.string() })),
});
export type BenchReport = z.infer<typeof BenchReportSchema>;

/** A timed scenario against its target, with its ratio to the baseline. */
export function timedResult(
  name: string,
  measure: "server" | "server-without-simulator",
  target: { stat: "p95Ms" | "p99Ms"; below: number },
  cases: Record<string, readonly number[]>,
  baseline: Timing,
): ScenarioResult {
  const all = Object.values(cases).flat();
  const timing = timingOf(all);
  return {
    name,
    measure,
    target,
    pass: timing[target.stat] < target.below,
    timing,
    ratio: { median: round(timing.medianMs / baseline.medianMs, 1), p95: round(timing.p95Ms / baseline.p95Ms, 1) },
    cases: Object.fromEntries(Object.entries(cases).map(([key, samples]) => [key, timingOf(samples)])),
  };
}

// At least one space after each column, so a long figure never runs into the next.
const pad = (text: string, width: number) =>
  text.length >= width ? `${text} ` : text + " ".repeat(width - text.length);

/** The report as a table for the terminal: one line per scenario, then the slowest cases. */
export function reportTable(report: BenchReport): string {
  const lines = [
    `Warranty Desk bench on ${report.database}: ${report.scale.claims} claims in ${report.scale.shops} shops ` +
      `(${report.scale.bigShopClaims} in the big one), seeded in ${(report.seedMs / 1000).toFixed(1)} s; ` +
      `node ${report.machine.node}, ${report.machine.cpus} CPUs, load ${report.machine.loadAverage.map((n) => n.toFixed(1)).join(" ")}`,
    `baseline ${report.baseline.route}: median ${report.baseline.timing.medianMs} ms, p95 ${report.baseline.timing.p95Ms} ms (server time)`,
    "",
    [
      pad("scenario", 40),
      pad("median", 10),
      pad("p95", 10),
      pad("p99", 10),
      pad("x baseline", 14),
      pad("target", 16),
      "result",
    ].join(""),
  ];
  for (const s of report.scenarios) {
    if (s.notRun) {
      lines.push([pad(s.name, 40), pad(`not run: ${s.notRun}`, 60)].join(""));
      continue;
    }
    const target =
      s.target.stat === "bytes"
        ? `< ${s.target.below} B`
        : s.target.stat === "adminOperations"
          ? `< ${s.target.below} Admin calls`
          : s.target.stat === "doubledRefunds"
            ? "1 per claim"
            : s.target.stat === "rssGrowthMb"
              ? `RSS + < ${s.target.below} MB`
              : `${s.target.stat.replace("Ms", "")} < ${s.target.below} ms`;
    if (s.timing) {
      lines.push(
        [
          pad(s.name, 40),
          pad(`${s.timing.medianMs} ms`, 10),
          pad(`${s.timing.p95Ms} ms`, 10),
          pad(`${s.timing.p99Ms} ms`, 10),
          pad(s.ratio ? `${s.ratio.median} / ${s.ratio.p95}` : "", 14),
          pad(target, 16),
          s.pass ? "pass" : "FAIL",
        ].join(""),
      );
    } else {
      const largest = Math.max(...Object.values(s.bytes ?? {}));
      lines.push(
        [pad(s.name, 40), pad(`largest ${largest} B`, 44), pad(target, 16), s.pass ? "pass" : "FAIL"].join(""),
      );
    }
  }
  for (const s of report.scenarios) if (s.notes && s.errors !== undefined) lines.push("", `${s.name}: ${s.notes}`);
  for (const s of report.scenarios) {
    if (!s.vitals) continue;
    lines.push(
      "",
      `${s.name}: per page, LCP median / p95 ms (target < ${s.vitals.lcpTargetMs}), CLS max (target < ${s.vitals.clsTarget})`,
      `  ${pad("page", 26)}${pad("LCP", 14)}${pad("CLS", 8)}${pad("first byte", 12)}${pad("FCP", 8)}LCP element`,
    );
    for (const [page, t] of Object.entries(s.cases ?? {})) {
      const v = s.vitals.pages[page];
      lines.push(
        `  ${pad(page, 26)}${pad(`${t.medianMs} / ${t.p95Ms}`, 14)}${pad(String(v?.cls ?? "?"), 8)}` +
          `${pad(`${v?.firstByteMedianMs ?? "?"}`, 12)}${pad(`${v?.fcpMedianMs ?? "?"}`, 8)}${v?.lcpElement ?? "?"}`,
      );
    }
    if (s.notes) lines.push(`  ${s.notes}`);
  }
  for (const s of report.scenarios) {
    if (!s.adminApi) continue;
    const { operationsPerEvaluation, operations, requestedQueryCost, actualQueryCost } = s.adminApi;
    lines.push(
      "",
      `${s.name}: ${operationsPerEvaluation} Admin API call(s) per request (${operations.join(", ")}); ` +
        `cost ${requestedQueryCost ?? "?"} points requested, ${actualQueryCost ?? "?"} actual`,
    );
  }
  for (const s of report.scenarios) {
    if (s.vitals) continue; // its pages are listed above, with their CLS
    const slowest = Object.entries(s.cases ?? {})
      .sort(([, a], [, b]) => b.p95Ms - a.p95Ms)
      .slice(0, 5);
    if (slowest.length === 0) continue;
    lines.push("", `${s.name}: slowest cases (median / p95 ms)`);
    for (const [key, t] of slowest) lines.push(`  ${pad(key, 40)} ${t.medianMs} / ${t.p95Ms}`);
  }
  if (report.notDone.length > 0) {
    lines.push("", "not measured:");
    for (const item of report.notDone) lines.push(`  ${item.name}: ${item.why}`);
  }
  return lines.join("\n");
}
