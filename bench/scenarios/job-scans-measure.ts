/** Measures one job at the benchmark moment: its hand-written reference (rolled back), its runs (undone between), and a second run. */
import pg from "pg";
import { silentLogger } from "../../src/core/logger.ts";
import type { PrismaClient } from "../../src/db/generated/client.ts";
import { newId } from "../../src/db/ids.ts";
import { createPrismaJobStore } from "../../src/db/prisma-job-store.ts";
import type { JobDefinition } from "../../src/jobs/registry.ts";
import type { JobStore } from "../../src/jobs/store.ts";
import { BENCH_NOW } from "../seed.ts";
import { REFERENCE_STATEMENTS } from "./job-scans-reference.ts";

/** Every figure is a median over this many runs (fewer when the runs are slow): the machine may be shared. */
export const REPEATS = 3;
/** Stop repeating once a job's (or a reference's) runs have taken this long in total. */
const REPEAT_BUDGET_MS = 60_000;

export interface JobScanMeasurement {
  job: string;
  members: number;
  /** Median first run at the benchmark moment (state restored between runs); null when it failed. */
  jobMs: number | null;
  /** Median of the hand-written statement on the same state, in a transaction rolled back; null when it failed. */
  referenceMs: number | null;
  jobRuns: number;
  referenceRuns: number;
  rows: number | null;
  referenceRows: number | null;
  /** The same job again at the same moment: must enqueue nothing. */
  secondRunRows: number | null;
  secondRunMs: number | null;
  /** SQL statements the job's first run issued, and the slowest one. */
  queries: number | null;
  slowestQueryMs: number | null;
  /** For a job that bounds its runs (the purge): how many runs it took to finish, and their total time. */
  runsToFinish?: number;
  totalMs?: number;
  /** Why the job, or its reference, failed (e.g. a statement timeout). */
  jobError?: string;
  referenceError?: string;
}

/** The jobs' Prisma client, built as openDatabase builds it, plus query events so that statements can be counted. */
export interface JobClient {
  prisma: PrismaClient;
  /** Durations (ms) of the statements issued since last cleared. */
  queries: number[];
}

export async function withClient<T>(url: string, options: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, options });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // Prisma's messages open with the call site and a code frame; the reason is the last line.
  const lines = message
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  const code = (error as { code?: unknown }).code;
  return `${typeof code === "string" ? `${code} ` : ""}${lines[lines.length - 1] ?? "error"}`.slice(0, 160);
}

function median(samples: readonly number[]): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function sum(samples: readonly number[]): number {
  return samples.reduce((total, sample) => total + sample, 0);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** Runs the reference inside a transaction and rolls it back, so the job then sees the very same state. */
async function runReference(client: pg.Client, statement: string): Promise<{ ms: number; rows: number }> {
  await client.query("BEGIN");
  try {
    const { ms, value } = await timed(() => client.query(statement, [BENCH_NOW]));
    const rows = value.command === "SELECT" ? Number(value.rows[0]?.created) : (value.rowCount ?? 0);
    return { ms, rows };
  } finally {
    await client.query("ROLLBACK");
  }
}

/** The job's reads without its writes: warms caches and compiled queries before the timed runs. */
function dryStore(prisma: PrismaClient): JobStore {
  return {
    ...createPrismaJobStore(prisma),
    enqueueMany: async (messages) => messages.length,
    workspacesDueForDeletion: async () => [],
    purgeWorkspace: async () => false,
    blankSentPayloads: async () => 0,
  };
}

/** Kept after seeding, so a job's writes can be undone and its first run measured again on the same state. */
export const SNAPSHOT = `CREATE TABLE bench_feedback_snapshot AS SELECT id, "chaseCount", "snoozedUntil" FROM "FeedbackRequest"`;

/** Undoes a job run: its outbox rows (ids are UUIDv7, later than `mark`) and the chase counts it recorded. */
async function undoRun(client: pg.Client, mark: string): Promise<void> {
  await client.query(`DELETE FROM "Outbox" WHERE id > $1`, [mark]);
  await client.query(
    `UPDATE "FeedbackRequest" f SET "chaseCount" = s."chaseCount", "snoozedUntil" = s."snoozedUntil"
     FROM bench_feedback_snapshot s
     WHERE s.id = f.id AND (f."chaseCount" <> s."chaseCount" OR f."snoozedUntil" IS DISTINCT FROM s."snoozedUntil")`,
  );
}

export async function measureJob(
  job: JobDefinition,
  members: number,
  client: JobClient,
  sql: pg.Client,
  options: {
    repeats: number;
    /** Off for jobs already known to take many seconds: a warm-up then only doubles a long wait. */
    warmUp: boolean;
  },
): Promise<JobScanMeasurement> {
  // A purge (of workspaces, or of sent payloads) cannot be undone, and its warm-up would cost as much as the
  // measurement: one cold run each.
  const repeatable = job.name !== "workspace-purge" && job.name !== "outbox-retention";
  const runs = repeatable ? options.repeats : 1;
  const warmUp = repeatable && options.warmUp;
  const referenceMs: number[] = [];
  const jobMs: number[] = [];
  const measurement: JobScanMeasurement = {
    job: job.name,
    members,
    jobMs: null,
    referenceMs: null,
    jobRuns: 0,
    referenceRuns: 0,
    rows: null,
    referenceRows: null,
    secondRunRows: null,
    secondRunMs: null,
    queries: null,
    slowestQueryMs: null,
  };
  const statement = REFERENCE_STATEMENTS[job.name];
  try {
    if (!statement) throw new Error("no reference statement");
    if (warmUp) await runReference(sql, statement);
    while (referenceMs.length < runs && sum(referenceMs) < REPEAT_BUDGET_MS) {
      const { ms, rows } = await runReference(sql, statement);
      referenceMs.push(ms);
      measurement.referenceRows = rows;
    }
  } catch (error) {
    measurement.referenceError = firstLine(error);
  }
  const context = (store: JobStore) => ({ now: BENCH_NOW, store, logger: silentLogger });
  try {
    if (warmUp) await job.run(context(dryStore(client.prisma)));
    if (!repeatable) {
      // The purge bounds each run and leaves the rest to the next: runs until one finds nothing, judged by the longest.
      let total = 0;
      for (;;) {
        client.queries.length = 0;
        const run = await timed(() => job.run(context(createPrismaJobStore(client.prisma))));
        if (run.value === 0) {
          measurement.secondRunMs = run.ms;
          measurement.secondRunRows = 0;
          break;
        }
        jobMs.push(run.ms);
        total += run.value;
        measurement.queries = Math.max(measurement.queries ?? 0, client.queries.length);
        measurement.slowestQueryMs = Math.max(measurement.slowestQueryMs ?? 0, ...client.queries);
      }
      measurement.rows = total;
      measurement.runsToFinish = jobMs.length;
      measurement.totalMs = sum(jobMs);
      measurement.jobMs = jobMs.length > 0 ? Math.max(...jobMs) : null;
      measurement.referenceMs = median(referenceMs);
      measurement.jobRuns = jobMs.length;
      measurement.referenceRuns = referenceMs.length;
      return measurement;
    }
    for (;;) {
      const mark = newId();
      client.queries.length = 0;
      const first = await timed(() => job.run(context(createPrismaJobStore(client.prisma))));
      jobMs.push(first.ms);
      measurement.rows = first.value;
      measurement.queries = client.queries.length;
      measurement.slowestQueryMs = Math.max(0, ...client.queries);
      if (jobMs.length >= runs || sum(jobMs) >= REPEAT_BUDGET_MS) break;
      await undoRun(sql, mark);
    }
    const second = await timed(() => job.run(context(createPrismaJobStore(client.prisma))));
    measurement.secondRunMs = second.ms;
    measurement.secondRunRows = second.value;
  } catch (error) {
    measurement.jobError = firstLine(error);
  }
  measurement.jobMs = median(jobMs);
  measurement.referenceMs = median(referenceMs);
  measurement.jobRuns = jobMs.length;
  measurement.referenceRuns = referenceMs.length;
  return measurement;
}
