/** Scenario 4: start-to-ready time and idle memory of the real entry point, and a leak check over thousands of commands. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { openDatabase } from "../../src/db/open.ts";
import { type IdleFloor, measureIdleFloor } from "../idle-floor.ts";
import { createScratchDatabase } from "../postgres.ts";
import { round, type Scenario, type ScenarioResult } from "../scenario.ts";
import { type SlackLoad, startSlackLoad } from "../slack-load.ts";
import { BENCH_SECRET, BENCH_TEAM, BENCH_TOKEN, startNextStep } from "../slack-targets.ts";
import { measureStartup, type StartupMeasure } from "../startup.ts";

const FULL = { starts: 3, settleMs: 2000, members: 1000, warmBatch: 1000, commands: 5000 };
const QUICK = { starts: 1, settleMs: 300, members: 20, warmBatch: 20, commands: 100 };
const MiB = 2 ** 20;
/** The measured commands go in this many batches, the heap weighed after each: a leak keeps growing, warming caches level off. */
const LEAK_BATCHES = 4;
/** Heap growth allowed over the second half of the commands (≈200 bytes per command over 2,500). */
const LEAK_LIMIT_MIB = 0.5;

type Size = typeof FULL;

export const footprint: Scenario = {
  name: "footprint",
  async run(context): Promise<ScenarioResult> {
    const size = context.quick ? QUICK : FULL;
    const load = await startSlackLoad({
      members: size.members,
      teamId: BENCH_TEAM,
      botToken: BENCH_TOKEN,
      signingSecret: BENCH_SECRET,
      seed: 7,
    });
    // Kept until the end: the leak check reopens the last one (initdb on a new PGlite takes seconds).
    const dataDirs: string[] = [];
    try {
      const slackEnv = {
        SLACK_BOT_TOKEN: BENCH_TOKEN,
        SLACK_SIGNING_SECRET: BENCH_SECRET,
        SLACK_API_URL: load.fakeUrl,
      };
      if (!context.quick) {
        context.log("  one unmeasured start, so tsx's transform cache and the file cache are warm");
        await startOnPglite(slackEnv, size, 1, dataDirs);
      }
      context.log(`  start to ready on PGlite, ${size.starts}× fresh and ${size.starts}× restart`);
      const pglite = await startOnPglite(slackEnv, size, size.starts, dataDirs);
      let postgres: { fresh: StartupMeasure[]; restart: StartupMeasure[] } | undefined;
      if (context.postgresUrl) {
        context.log(`  start to ready on Postgres, ${size.starts}× fresh and ${size.starts}× restart`);
        postgres = await startOnPostgres(context.postgresUrl, slackEnv, size);
      }
      const lastDataDir = dataDirs[dataDirs.length - 1] as string;
      context.log("  idle floor: bare Node, Node with tsx, Node with PGlite open on the restarted data directory");
      const floor = await measureIdleFloor(lastDataDir, size.settleMs);
      context.log(`  leak check: ${size.commands} commands on PGlite in this process`);
      const leak = await leakCheck(load, size, lastDataDir);
      return report(size, pglite, postgres, floor, leak);
    } finally {
      await load.close();
      for (const dataDir of dataDirs) await rm(dataDir, { recursive: true, force: true });
    }
  },
};

/** `starts` fresh data directories, each started once and then once more (restart: migrations already applied). */
async function startOnPglite(slackEnv: Record<string, string>, size: Size, starts: number, dataDirs: string[]) {
  const fresh: StartupMeasure[] = [];
  const restart: StartupMeasure[] = [];
  for (let i = 0; i < starts; i += 1) {
    const dataDir = await mkdtemp(join(tmpdir(), "nextstep-bench-"));
    dataDirs.push(dataDir);
    const env = { ...slackEnv, NEXTSTEP_DATA_DIR: dataDir };
    fresh.push(await measureStartup({ env, settleMs: size.settleMs }));
    restart.push(await measureStartup({ env, settleMs: size.settleMs }));
  }
  return { fresh, restart };
}

async function startOnPostgres(serverUrl: string, slackEnv: Record<string, string>, size: Size) {
  const fresh: StartupMeasure[] = [];
  const restart: StartupMeasure[] = [];
  for (let i = 0; i < size.starts; i += 1) {
    const scratch = await createScratchDatabase(serverUrl, "footprint");
    try {
      const env = { ...slackEnv, DATABASE_URL: scratch.url };
      fresh.push(await measureStartup({ env, settleMs: size.settleMs }));
      restart.push(await measureStartup({ env, settleMs: size.settleMs }));
    } finally {
      await scratch.drop();
    }
  }
  return { fresh, restart };
}

interface LeakCheck {
  /** Heap after warm-up and a forced GC. */
  baselineMiB: number;
  /** Heap after each batch of the measured commands, forced GC first. */
  afterBatchMiB: number[];
  /** Change over all the measured commands. */
  growthMiB: number;
  /** Change over their second half, once caches have warmed: what a leak shows. */
  lastHalfMiB: number;
  rssAfterMiB: number;
}

/** The same Slack adapter as the latency run, on PGlite in `dataDir`, weighed after forced GCs between batches of commands. */
async function leakCheck(load: SlackLoad, size: Size, dataDir: string): Promise<LeakCheck> {
  const db = await openDatabase({ dataDir });
  const target = await startNextStep(db, load.fakeUrl);
  const send = async (phase: "warmup" | "measure", requests: number) => {
    await load.load({ targetUrl: target.url, stream: "leak", phase, concurrency: 8, requests, check: "reply" });
    await load.waitForHomes();
    // The fake lives in the worker's heap, but its records would still grow the process: drop them.
    await load.reset();
  };
  try {
    await send("warmup", size.members);
    await send("measure", size.warmBatch);
    const baseline = (await heapAfterGc()) / MiB;
    const afterBatchMiB: number[] = [];
    for (let batch = 0; batch < LEAK_BATCHES; batch += 1) {
      await send("measure", Math.ceil(size.commands / LEAK_BATCHES));
      afterBatchMiB.push((await heapAfterGc()) / MiB);
    }
    const last = afterBatchMiB[LEAK_BATCHES - 1] as number;
    const half = afterBatchMiB[LEAK_BATCHES / 2 - 1] as number;
    return {
      baselineMiB: baseline,
      afterBatchMiB,
      growthMiB: last - baseline,
      lastHalfMiB: last - half,
      rssAfterMiB: process.memoryUsage().rss / MiB,
    };
  } finally {
    await target.close();
    await db.close();
  }
}

/** `global.gc` when node runs with --expose-gc (npm run bench), else exposed on the fly (vitest). */
function forcedGc(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString("--expose-gc");
  return runInNewContext("gc") as () => void;
}

async function heapAfterGc(): Promise<number> {
  const gc = forcedGc();
  // Several rounds with turns of the event loop between them, so finalizers and weak callbacks settle.
  for (let i = 0; i < 4; i += 1) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

function median(measures: readonly StartupMeasure[], field: keyof StartupMeasure): number {
  const sorted = measures.map((measure) => measure[field]).sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

function report(
  size: Size,
  pglite: { fresh: StartupMeasure[]; restart: StartupMeasure[] },
  postgres: { fresh: StartupMeasure[]; restart: StartupMeasure[] } | undefined,
  floor: IdleFloor,
  leak: LeakCheck,
): ScenarioResult {
  const pg = (measures: StartupMeasure[] | undefined, field: keyof StartupMeasure) =>
    measures ? round(median(measures, field)) : "skipped";
  const figures: Record<string, number> = {
    "pglite.freshReadyMs": round(median(pglite.fresh, "readyMs")),
    "pglite.restartReadyMs": round(median(pglite.restart, "readyMs")),
    "pglite.freshIdleRssMiB": round(median(pglite.fresh, "idleRssMiB")),
    "pglite.idleRssMiB": round(median(pglite.restart, "idleRssMiB")),
    "floor.nodeMiB": round(floor.nodeMiB),
    "floor.tsxMiB": round(floor.tsxMiB),
    "floor.pgliteMiB": round(floor.pgliteMiB),
    "floor.pgliteDefaultsMiB": round(floor.pgliteDefaultsMiB),
    "leak.baselineHeapMiB": round(leak.baselineMiB, 2),
    "leak.growthMiB": round(leak.growthMiB, 3),
    "leak.lastHalfGrowthMiB": round(leak.lastHalfMiB, 3),
    "leak.rssAfterMiB": round(leak.rssAfterMiB),
  };
  if (postgres) {
    figures["postgres.freshReadyMs"] = round(median(postgres.fresh, "readyMs"));
    figures["postgres.restartReadyMs"] = round(median(postgres.restart, "readyMs"));
    figures["postgres.freshIdleRssMiB"] = round(median(postgres.fresh, "idleRssMiB"));
    figures["postgres.idleRssMiB"] = round(median(postgres.restart, "idleRssMiB"));
  }
  // CPU time is read from /proc: reported where it exists, so every figure stays a number.
  const cpu: [string, StartupMeasure[] | undefined][] = [
    ["pglite.freshCpuMs", pglite.fresh],
    ["pglite.restartCpuMs", pglite.restart],
    ["postgres.freshCpuMs", postgres?.fresh],
    ["postgres.restartCpuMs", postgres?.restart],
  ];
  for (const [name, measures] of cpu) {
    const value = measures ? median(measures, "cpuMs") : Number.NaN;
    if (Number.isFinite(value)) figures[name] = round(value);
  }
  const mark = (met: boolean) => (met ? "met" : "MISSED");
  const notes = [
    `Start to ready: spawning \`node --import tsx src/bin/start.ts\` in Slack HTTP mode until GET /readyz answers 200, median of ${size.starts}; "fresh" migrates an empty database, "restart" finds it migrated. One unmeasured start runs first so tsx's transform cache is warm, as on any start after the first. CPU to ready: user + system time of the process (all threads) at that moment, which other load on the machine barely moves, unlike the wall time. Idle RSS: VmRSS ${size.settleMs} ms after ready.`,
    `Leak check: the Slack adapter on PGlite (the data directory the starts above used) in the bench process, heapUsed after forced GCs: ${size.members} members apply and ${size.warmBatch} commands warm it up, then ${size.commands} commands in ${LEAK_BATCHES} batches, weighed after each (MiB: ${leak.afterBatchMiB.map((heap) => round(heap, 2)).join(", ")}). Caches that fill up level off; a leak keeps growing, so the second half is judged. PGlite's WASM memory is outside the JS heap and grows with the data, so RSS is shown but not judged.`,
  ];
  const restartPg = postgres ? median(postgres.restart, "readyMs") : undefined;
  const freshPg = postgres ? median(postgres.fresh, "readyMs") : undefined;
  if (restartPg !== undefined && freshPg !== undefined) {
    notes.push(
      `Ready on Postgres: ${round(restartPg)} ms on restart, ${round(freshPg)} ms on a fresh database (target < 2000 ms: ${mark(Math.max(restartPg, freshPg) < 2000)}).`,
    );
  } else {
    notes.push("Postgres starts skipped: no Postgres (set BENCH_DATABASE_URL or TEST_DATABASE_URL).");
  }
  const rss = median(pglite.restart, "idleRssMiB");
  notes.push(
    `Idle RSS on PGlite after a restart (the steady state; the first start also runs initdb, whose memory stays mapped): ${round(rss)} MiB (target < 150 MiB: ${mark(rss < 150)}).`,
    `Idle RSS floor, each a separate process idling ${size.settleMs} ms once ready: bare Node ${round(floor.nodeMiB)} MiB; Node with tsx's loader ${round(floor.tsxMiB)} MiB; Node with PGlite open on the restarted data directory ${round(floor.pgliteMiB)} MiB with Next Step's settings (shared_buffers 16 MB), ${round(floor.pgliteDefaultsMiB)} MiB with PGlite's defaults (128 MB). Next Step on PGlite adds ${round(rss - floor.pgliteMiB)} MiB to that floor: tsx, Prisma's query compiler, Bolt and the bot.`,
  );
  notes.push(
    `Heap growth over the last ${size.commands / 2} commands: ${round(leak.lastHalfMiB, 2)} MiB, over all ${size.commands}: ${round(leak.growthMiB, 2)} MiB (target: no growth beyond noise, taken as < ${LEAK_LIMIT_MIB} MiB over the second half: ${mark(leak.lastHalfMiB < LEAK_LIMIT_MIB)}).`,
  );
  return {
    title: "Footprint: start to ready, idle memory, leak check",
    headers: ["Measure", "PGlite", "Postgres"],
    rows: [
      ["Start to ready, fresh database (ms)", pg(pglite.fresh, "readyMs"), pg(postgres?.fresh, "readyMs")],
      ["Start to ready, restart (ms)", pg(pglite.restart, "readyMs"), pg(postgres?.restart, "readyMs")],
      ["Idle RSS after ready, fresh database (MiB)", pg(pglite.fresh, "idleRssMiB"), pg(postgres?.fresh, "idleRssMiB")],
      ["Idle RSS after ready, restart (MiB)", pg(pglite.restart, "idleRssMiB"), pg(postgres?.restart, "idleRssMiB")],
      ["CPU to ready, fresh database (ms)", pg(pglite.fresh, "cpuMs"), pg(postgres?.fresh, "cpuMs")],
      ["CPU to ready, restart (ms)", pg(pglite.restart, "cpuMs"), pg(postgres?.restart, "cpuMs")],
      [
        "Idle RSS floor: Node + PGlite, our settings / PGlite's defaults (MiB)",
        `${round(floor.pgliteMiB)} / ${round(floor.pgliteDefaultsMiB)}`,
        "-",
      ],
      ["Idle RSS floor: bare Node / Node + tsx (MiB)", `${round(floor.nodeMiB)} / ${round(floor.tsxMiB)}`, "-"],
      ["Heap after warm-up, forced GC (MiB)", round(leak.baselineMiB, 1), "-"],
      [`Heap change over ${size.commands} commands (MiB)`, round(leak.growthMiB, 2), "-"],
      [`Heap change over the last ${size.commands / 2} (MiB)`, round(leak.lastHalfMiB, 2), "-"],
      ["Bench process RSS after the run (MiB)", round(leak.rssAfterMiB), "-"],
    ],
    figures,
    notes,
  };
}
