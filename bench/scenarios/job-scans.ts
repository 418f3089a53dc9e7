/** Scenario 2: every scheduled job's scan-and-enqueue on Postgres at 10,000 and 100,000 members, beside one hand-written INSERT … SELECT per job. */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../../src/db/generated/client.ts";
import { openDatabase, POSTGRES_SESSION_OPTIONS } from "../../src/db/open.ts";
import { JOBS } from "../../src/jobs/registry.ts";
import { createScratchDatabase } from "../postgres.ts";
import type { BenchContext, Scenario, ScenarioResult } from "../scenario.ts";
import { seedBenchmark } from "../seed.ts";
import {
  type JobClient,
  type JobScanMeasurement,
  measureJob,
  REPEATS,
  SNAPSHOT,
  withClient,
} from "./job-scans-measure.ts";
import { fmt, report, type SizeResult } from "./job-scans-report.ts";

export const FULL_SIZES = [10_000, 100_000];
export const QUICK_SIZES = [200];
/** Anything slower has missed by far; the cap keeps a pathological job from holding the run for an hour. */
export const STATEMENT_TIMEOUT_MS = 60_000;
const SLOW_MS = 5_000;

function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

async function measureSize(
  serverUrl: string,
  members: number,
  repeats: number,
  slowJobs: ReadonlySet<string>,
  log: (message: string) => void,
): Promise<SizeResult> {
  const scratch = await createScratchDatabase(serverUrl, `jobs${members}`);
  try {
    await withClient(serverUrl, "", (admin) =>
      admin.query(`ALTER DATABASE "${databaseName(scratch.url)}" SET statement_timeout = ${STATEMENT_TIMEOUT_MS}`),
    );
    // openDatabase migrates; the jobs then run through an identically built client that also reports its queries.
    const db = await openDatabase({ databaseUrl: scratch.url });
    await db.close();
    const pool = new pg.Pool({ connectionString: scratch.url, options: POSTGRES_SESSION_OPTIONS });
    pool.on("error", () => undefined);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool), log: [{ emit: "event", level: "query" }] });
    const client: JobClient = { prisma, queries: [] };
    prisma.$on("query", (event) => client.queries.push(event.duration));
    try {
      log(`  seeding ${members.toLocaleString("en")} members`);
      const seed = await withClient(scratch.url, "-c TimeZone=UTC", (sql) => seedBenchmark(sql, { members }));
      // The hand-written statements run without JIT: compiling their long expressions cost up to a second at
      // 100,000 members, more than the work itself, and a floor should not carry that.
      const measurements = await withClient(scratch.url, "-c TimeZone=UTC -c jit=off", async (sql) => {
        await sql.query(SNAPSHOT);
        const results: JobScanMeasurement[] = [];
        for (const job of JOBS) {
          const m = await measureJob(job, members, client, sql, { repeats, warmUp: !slowJobs.has(job.name) });
          log(
            `  ${job.name} @ ${members}: job ${fmt(m.jobMs)} ms ×${m.jobRuns} (${m.rows} rows, ${m.queries} queries), ` +
              `reference ${fmt(m.referenceMs)} ms ×${m.referenceRuns} (${m.referenceRows} rows), ` +
              `second run ${m.secondRunRows} rows` +
              (m.jobError ? `; job failed: ${m.jobError}` : "") +
              (m.referenceError ? `; reference failed: ${m.referenceError}` : ""),
          );
          results.push(m);
        }
        return results;
      });
      return { seed, measurements };
    } finally {
      await client.prisma.$disconnect();
      await pool.end().catch(() => undefined);
    }
  } finally {
    await scratch.drop();
  }
}

/** BENCH_JOB_SCAN_SIZES=10000,50000 overrides the full sizes, e.g. to profile one size. */
function sizesFromEnvironment(): number[] | undefined {
  const sizes = process.env.BENCH_JOB_SCAN_SIZES?.split(",").map(Number);
  return sizes?.every((size) => Number.isInteger(size) && size > 0) ? sizes : undefined;
}

async function serverSettings(serverUrl: string): Promise<string> {
  return withClient(serverUrl, "", async (client) => {
    const { rows } = await client.query<{ name: string; setting: string; unit: string | null }>(
      `SELECT name, setting, unit FROM pg_settings WHERE name IN ('server_version', 'shared_buffers', 'work_mem', 'jit')`,
    );
    return rows.map((row) => `${row.name}=${row.setting}${row.unit ?? ""}`).join(", ");
  });
}

export const jobScansScenario: Scenario = {
  name: "job-scans",
  async run(context: BenchContext): Promise<ScenarioResult> {
    const title = "Job scans: scan-and-enqueue at a moment when ~5% of members are due (Postgres)";
    const headers = [
      "job",
      "members",
      "job ms",
      "hand-written ms",
      "ratio",
      "enqueued (job / hand-written)",
      "2nd run new",
      "2nd run ms",
      "queries",
      "growth ×",
    ];
    if (!context.postgresUrl) {
      return { title, headers, rows: [], figures: {}, notes: ["Skipped: no Postgres (set TEST_DATABASE_URL)."] };
    }
    const sizes = context.quick ? QUICK_SIZES : (sizesFromEnvironment() ?? FULL_SIZES);
    const bySize: SizeResult[] = [];
    const repeats = context.quick ? 1 : REPEATS;
    // Jobs that took more than SLOW_MS at one size skip their warm-up at the next (ten times longer) one.
    const slowJobs = new Set<string>();
    for (const members of sizes) {
      const size = await measureSize(context.postgresUrl, members, repeats, slowJobs, context.log);
      for (const m of size.measurements) if (m.jobMs === null || m.jobMs > SLOW_MS) slowJobs.add(m.job);
      bySize.push(size);
    }
    const settings = `${await serverSettings(context.postgresUrl)}, statement_timeout=${STATEMENT_TIMEOUT_MS}ms`;
    return report(bySize, context.quick, settings, { title, headers });
  },
};
