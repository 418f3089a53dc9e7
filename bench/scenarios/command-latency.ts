/** Scenario 1: signed slash commands through the real Slack HTTP path, Next Step beside bare Bolt and bare Bolt plus one Prisma transaction. */

import { type Database, IN_MEMORY, type OpenDatabaseOptions, openDatabase } from "../../src/db/open.ts";
import { createScratchDatabase } from "../postgres.ts";
import { percentile, round, type Scenario, type ScenarioResult } from "../scenario.ts";
import { type AnswerCheck, type HomeDrain, type LoadRun, type SlackLoad, startSlackLoad } from "../slack-load.ts";
import {
  BENCH_SECRET,
  BENCH_TEAM,
  BENCH_TOKEN,
  type SlackTarget,
  startBareBolt,
  startNextStep,
  startStackFloor,
} from "../slack-targets.ts";
import { mainThreadCpuMs } from "../thread-cpu.ts";

const FULL = { members: 1000, requests: 5000, levels: [1, 8, 32] };
const QUICK = { members: 20, requests: 40, levels: [1, 8] };
const WARM_UP_CONCURRENCY = 8;
const SEED = 42;

interface TargetSpec {
  key: "floor" | "pglite" | "postgres" | "stackFloor";
  label: string;
  start(fakeUrl: string): Promise<SlackTarget>;
  /** Next Step publishes App Home after every command that changed data: its throughput counts until those publishes land. */
  publishesHome: boolean;
  check: AnswerCheck;
}

interface Target extends TargetSpec {
  app: SlackTarget;
}

/** One target at one concurrency: latency percentiles, throughput, errors. */
export interface LatencyRow {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Commands per second counting until the last acknowledgement. */
  ackRate: number;
  /** Commands per second counting until all the work they caused (App Home publishes) was done. */
  rate: number;
  errors: number;
  refusals: number;
  /** App Home publishes the commands caused (the adapter may coalesce a member's burst into one). */
  homePublishes: number;
  /** Members whose App Home never followed their last change. */
  staleHomes: number;
  /** The serving thread's CPU per command, App Home included; on PGlite it includes the database's own work. */
  cpuMsPerCommand: number;
}

export function summarize(run: LoadRun, requests: number, drain: HomeDrain, cpuMs = Number.NaN): LatencyRow {
  const sorted = Array.from(run.latenciesMs).sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    ackRate: (requests / run.elapsedMs) * 1000,
    rate: (requests / (run.elapsedMs + drain.waitedMs)) * 1000,
    errors: run.errors,
    refusals: run.refusals,
    homePublishes: drain.publishes,
    staleHomes: drain.waiting,
    cpuMsPerCommand: cpuMs / requests,
  };
}

/** Warm-up: each member's first application, so the measured mix starts from members with a pipeline. */
async function warmUp(load: SlackLoad, target: Target, members: number): Promise<void> {
  await load.load({
    targetUrl: target.app.url,
    stream: target.key,
    phase: "warmup",
    concurrency: WARM_UP_CONCURRENCY,
    requests: members,
    check: target.check,
  });
  if (target.publishesHome) await load.waitForHomes();
  await load.reset();
}

async function measure(load: SlackLoad, target: Target, concurrency: number, requests: number): Promise<LatencyRow> {
  const cpuBefore = mainThreadCpuMs();
  const run = await load.load({
    targetUrl: target.app.url,
    stream: target.key,
    phase: "measure",
    concurrency,
    requests,
    check: target.check,
  });
  const drain = target.publishesHome ? await load.waitForHomes() : { waitedMs: 0, publishes: 0, waiting: 0 };
  const cpuMs = mainThreadCpuMs() - cpuBefore;
  await load.reset();
  return summarize(run, requests, drain, cpuMs);
}

export const commandLatency: Scenario = {
  name: "command-latency",
  async run(context): Promise<ScenarioResult> {
    const size = context.quick ? QUICK : FULL;
    const notes: string[] = [];
    const closers: (() => Promise<void>)[] = [];
    const load = await startSlackLoad({
      members: size.members,
      teamId: BENCH_TEAM,
      botToken: BENCH_TOKEN,
      signingSecret: BENCH_SECRET,
      seed: SEED,
    });
    closers.push(() => load.close());
    const results = new Map<string, LatencyRow>();
    try {
      const specs: TargetSpec[] = [
        { key: "floor", label: "(a) bare Bolt, ack only", publishesHome: false, check: "status", start: startBareBolt },
        {
          key: "pglite",
          label: "(b) Next Step, PGlite",
          publishesHome: true,
          check: "reply",
          start: async (fakeUrl) => startNextStep(await openAndClose(closers, { dataDir: IN_MEMORY }), fakeUrl),
        },
      ];
      if (context.postgresUrl) {
        const scratch = await createScratchDatabase(context.postgresUrl, "latency");
        closers.push(() => scratch.drop());
        const postgres = await openAndClose(closers, { databaseUrl: scratch.url });
        specs.push(
          {
            key: "postgres",
            label: "(c) Next Step, Postgres",
            publishesHome: true,
            check: "reply",
            start: (fakeUrl) => startNextStep(postgres, fakeUrl),
          },
          // Started after (c)'s warm-up, which creates the members it reads.
          {
            key: "stackFloor",
            label: "(d) bare Bolt + 1 Prisma transaction, Postgres",
            publishesHome: false,
            check: "text",
            start: (fakeUrl) => startStackFloor(postgres, fakeUrl),
          },
        );
      } else {
        notes.push("(c) and (d) skipped: no Postgres (set BENCH_DATABASE_URL or TEST_DATABASE_URL).");
      }

      const targets: Target[] = [];
      for (const spec of specs) {
        const app = await spec.start(load.fakeUrl);
        closers.push(() => app.close());
        const target = { ...spec, app };
        context.log(`  warm-up: ${target.label}, ${size.members} members apply`);
        await warmUp(load, target, size.members);
        targets.push(target);
      }
      // Levels outermost, so every target's figure at one concurrency is measured close in time to the others'.
      for (const concurrency of size.levels) {
        for (const target of targets) {
          context.log(`  ${target.label}: ${size.requests} commands at concurrency ${concurrency}`);
          results.set(`${target.key}.c${concurrency}`, await measure(load, target, concurrency, size.requests));
        }
      }
      return report(targets, size, results, notes);
    } finally {
      for (const close of closers.reverse()) await close().catch(() => undefined);
    }
  },
};

async function openAndClose(closers: (() => Promise<void>)[], options: OpenDatabaseOptions): Promise<Database> {
  const db = await openDatabase(options);
  closers.push(() => db.close());
  return db;
}

function report(
  targets: readonly Target[],
  size: typeof FULL,
  results: ReadonlyMap<string, LatencyRow>,
  notes: string[],
): ScenarioResult {
  const rows: (string | number)[][] = [];
  const figures: Record<string, number> = {};
  for (const concurrency of size.levels) {
    for (const target of targets) {
      const row = results.get(`${target.key}.c${concurrency}`);
      if (!row) continue;
      rows.push([
        target.label,
        concurrency,
        size.requests,
        round(row.p50),
        round(row.p95),
        round(row.p99),
        round(row.max),
        Math.round(row.ackRate),
        Math.round(row.rate),
        row.errors,
        round(row.cpuMsPerCommand, 2),
      ]);
      for (const [name, value] of Object.entries(row))
        figures[`${target.key}.c${concurrency}.${name}`] = round(value, 2);
    }
  }
  return {
    title: `Command latency: signed slash commands, ${size.requests} per level, ${size.members} members`,
    headers: [
      "Target",
      "Concurrency",
      "Requests",
      "p50 ms",
      "p95 ms",
      "p99 ms",
      "max ms",
      "acks/s",
      "req/s",
      "Errors",
      "CPU ms/cmd",
    ],
    rows,
    figures,
    notes: [...notes, ...verdicts(size, results)],
  };
}

function verdicts(size: typeof FULL, results: ReadonlyMap<string, LatencyRow>): string[] {
  const top = Math.max(...size.levels);
  const notes = [
    "req/s counts until every command's work is done, including each member's App Home publish after their last change (and so the adapter's coalescing delay; reads and refusals publish nothing); acks/s stops at the last acknowledgement. Errors: a status other than 200, an answer slower than Slack's 3 s deadline, or an acknowledgement without the reply (sent late through response_url, empty, or an apology). CPU ms/cmd: the serving thread's CPU time per command (the load generator and fake Slack run in a worker thread and are not counted; Postgres's own work is not counted, PGlite's is).",
  ];
  const mark = (met: boolean) => (met ? "met" : "MISSED");
  const postgres = results.get(`postgres.c${top}`);
  const stack = results.get(`stackFloor.c${top}`);
  if (postgres && stack) {
    const share = postgres.rate / stack.rate;
    notes.push(
      `Postgres at concurrency ${top}: p99 ${round(postgres.p99)} ms (target < 100 ms: ${mark(postgres.p99 < 100)}); ${Math.round(postgres.rate)} req/s = ${Math.round(share * 100)}% of (d)'s ${Math.round(stack.rate)} (target ≥ 80%: ${mark(share >= 0.8)}); ${postgres.errors} errors (target 0: ${mark(postgres.errors === 0)}).`,
    );
  }
  const pglite = results.get(`pglite.c${top}`);
  if (pglite) {
    notes.push(
      `PGlite at concurrency ${top}: p99 ${round(pglite.p99)} ms (target < 300 ms: ${mark(pglite.p99 < 300)}); ${pglite.errors} errors.`,
    );
  }
  const homes = [...results.entries()]
    .filter(([key]) => key.startsWith("pglite") || key.startsWith("postgres"))
    .map(([key, row]) => `${key} ${round((row.homePublishes / size.requests) * 100)}`);
  if (homes.length > 0)
    notes.push(
      `App Home publishes per 100 commands (only after changes; the adapter coalesces a member's burst): ${homes.join(", ")}.`,
    );
  for (const [key, row] of results) {
    if (row.staleHomes > 0) notes.push(`${key}: ${row.staleHomes} members' App Home never followed their last change.`);
  }
  const refusals = [...results.entries()]
    .filter(([key]) => key.startsWith("pglite") || key.startsWith("postgres"))
    .map(([key, row]) => `${key} ${row.refusals}`);
  if (refusals.length > 0) {
    notes.push(
      `Mix realism: members only act on their own companies in a state where the command makes sense; replies that were refusals instead of the expected success: ${refusals.join(", ")}.`,
    );
  }
  if (size.requests < FULL.requests) notes.push("Quick mode: tiny sizes, the targets are not judged meaningfully.");
  return notes;
}
