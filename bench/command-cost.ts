/** `node --import tsx bench/command-cost.ts`: SQL statements and main-thread CPU per slash command on the real Slack path over Postgres, with a per-command breakdown. */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { createBot } from "../src/core/bot.ts";
import { silentLogger } from "../src/core/logger.ts";
import { systemClock, type WorkspaceIdentity } from "../src/core/ports.ts";
import { PrismaClient } from "../src/db/generated/client.ts";
import { type Database, openDatabase } from "../src/db/open.ts";
import { createPrismaStore } from "../src/db/prisma-store.ts";
import { createScratchDatabase } from "./postgres.ts";
import { percentile } from "./scenario.ts";
import { startSlackLoad } from "./slack-load.ts";
import { benchMembers, CommandMix } from "./slack-mix.ts";
import { BENCH_SECRET, BENCH_TEAM, BENCH_TOKEN, startNextStep } from "./slack-targets.ts";
import { mainThreadCpuMs } from "./thread-cpu.ts";

const MEMBERS = Number(process.env.COST_MEMBERS ?? 200);
const REQUESTS = Number(process.env.COST_REQUESTS ?? 2000);
const CONCURRENCY = Number(process.env.COST_CONCURRENCY ?? 8);

/** A Prisma client over a pool whose every statement is counted (BEGIN and COMMIT included). */
function countingDatabase(url: string): { db: Database; statements: () => number; end(): Promise<void> } {
  let count = 0;
  const pool = new pg.Pool({ connectionString: url, options: "-c TimeZone=UTC" });
  pool.on("connect", (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
      count += 1;
      return query(...args);
    };
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const db = { prisma, kind: "postgres", sql: undefined, ping: async () => {}, close: async () => {} };
  return {
    db: db as unknown as Database,
    statements: () => count,
    async end() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

async function slackPath(url: string): Promise<void> {
  const counted = countingDatabase(url);
  const load = await startSlackLoad({
    members: MEMBERS,
    teamId: BENCH_TEAM,
    botToken: BENCH_TOKEN,
    signingSecret: BENCH_SECRET,
    seed: 42,
  });
  const app = await startNextStep(counted.db, load.fakeUrl);
  try {
    const common = { targetUrl: app.url, stream: "cost", check: "reply" as const };
    await load.load({ ...common, phase: "warmup", concurrency: 8, requests: MEMBERS });
    await load.waitForHomes();
    await load.reset();
    const statements = counted.statements();
    const cpu = mainThreadCpuMs();
    const run = await load.load({ ...common, phase: "measure", concurrency: CONCURRENCY, requests: REQUESTS });
    const drain = await load.waitForHomes();
    const cpuMs = mainThreadCpuMs() - cpu;
    const perCommand = (counted.statements() - statements) / REQUESTS;
    const sorted = Array.from(run.latenciesMs).sort((a, b) => a - b);
    const latency = `p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms, ${((REQUESTS / (run.elapsedMs + drain.waitedMs)) * 1000).toFixed(0)} req/s`;
    process.stdout.write(
      `Slack path, ${REQUESTS} commands at concurrency ${CONCURRENCY}, ${MEMBERS} members: ${perCommand.toFixed(2)} SQL statements/cmd, ${(cpuMs / REQUESTS).toFixed(2)} ms CPU/cmd (serving thread), ${latency}, ${run.errors} errors, ${run.refusals} refusals, ${drain.publishes} Home publishes, ${drain.waiting} stale Homes\n`,
    );
  } finally {
    await app.close();
    await load.close();
    await counted.end();
  }
}

/** The same mix through the bot directly, one command at a time, so each statement is charged to its command. */
async function perCommand(url: string): Promise<void> {
  const counted = countingDatabase(url);
  const store = createPrismaStore(counted.db, { clock: systemClock });
  const bot = createBot({ store, clock: systemClock, logger: silentLogger });
  const team: WorkspaceIdentity = { platform: "SLACK", externalId: "TCOST", name: "Cost", defaultTimezone: "UTC" };
  const members = benchMembers(50);
  const users = new Map(members.map((member) => [member.id, { externalId: member.id, displayName: member.name }]));
  const mix = new CommandMix(members, 7);
  for (const command of mix.warmUp()) await bot.handleText(team, users.get(command.userId) as never, command.text);
  const tally = new Map<string, { runs: number; statements: number }>();
  const charge = (word: string, statements: number) => {
    const entry = tally.get(word) ?? { runs: 0, statements: 0 };
    entry.runs += 1;
    entry.statements += statements;
    tally.set(word, entry);
  };
  for (let i = 0; i < 600; i += 1) {
    const command = mix.next();
    const user = users.get(command.userId) as never;
    let before = counted.statements();
    await bot.handleText(team, user, command.text);
    charge(command.command, counted.statements() - before);
    before = counted.statements();
    await bot.home(team, user);
    charge("(App Home)", counted.statements() - before);
  }
  for (const [word, entry] of tally)
    process.stdout.write(`  ${word}: ${(entry.statements / entry.runs).toFixed(2)} statements\n`);
  await counted.end();
}

const server = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!server) throw new Error("Set BENCH_DATABASE_URL to a Postgres server");
const scratch = await createScratchDatabase(server, "cost");
try {
  const migrated = await openDatabase({ databaseUrl: scratch.url });
  await migrated.close();
  await slackPath(scratch.url);
  await perCommand(scratch.url);
} finally {
  await scratch.drop();
}
