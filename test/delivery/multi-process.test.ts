/** Several bot processes on one Postgres: two dispatchers (one of them crashing) and two schedulers, nothing lost or doubled. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher, type Dispatcher } from "../../src/core/delivery/dispatcher.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { Member, Workspace } from "../../src/core/model.ts";
import type { OutboxQueue } from "../../src/core/ports.ts";
import { type Database, openDatabase } from "../../src/db/open.ts";
import { createPrismaJobStore } from "../../src/db/prisma-job-store.ts";
import { createPrismaStore } from "../../src/db/prisma-store.ts";
import { JOBS } from "../../src/jobs/registry.ts";
import { runJobOnce } from "../../src/jobs/scheduler.ts";
import { createFakePlatform, type InjectedFailure, seededRandom } from "../fakes/fake-platform.ts";
import { type DatabaseKind, databaseKinds } from "../support/databases.ts";

const postgres: DatabaseKind | undefined = databaseKinds().find((kind) => kind.name === "postgres");
const DAY_MS = 86_400_000;

/** Where the simulated processes' shared clock starts; it moves only when the test or a simulated wait moves it. */
const T0 = new Date("2030-03-04T09:00:00.000Z");

/** The URL of the database `db` is connected to, so a second "process" can open its own pool on it. */
async function urlOf(db: Database): Promise<string> {
  const [row] = await db.prisma.$queryRaw<{ name: string }[]>`SELECT current_database() AS name`;
  const url = new URL(process.env.TEST_DATABASE_URL ?? "");
  url.pathname = `/${row?.name}`;
  return url.toString();
}

interface Seeded {
  workspace: Workspace;
  members: Member[];
}

/** Workspaces on both platforms, each with a team channel and a few members. */
async function seedWorkspaces(db: Database, count: number, membersEach: number): Promise<Seeded[]> {
  const store = createPrismaStore(db);
  const seeded: Seeded[] = [];
  for (let index = 0; index < count; index++) {
    const workspace = await store.ensureWorkspace({
      platform: index % 2 === 0 ? "SLACK" : "DISCORD",
      externalId: `W-${index}`,
      name: `Cohort ${index}`,
    });
    const members = await store.inWorkspace(workspace.id, async (repo) => {
      await repo.updateWorkspace({ celebrationChannel: `C-${index}` });
      const created: Member[] = [];
      for (let number = 0; number < membersEach; number++) {
        created.push(await repo.ensureMember({ externalId: `U-${index}-${number}`, displayName: `Member ${number}` }));
      }
      return created;
    });
    seeded.push({ workspace: { ...workspace, celebrationChannel: `C-${index}` }, members });
  }
  return seeded;
}

/**
 * One clock for every simulated process, moved by what happens rather than by the wall: a timeout or an in-line wait
 * moves it by its length, and when no process finds anything due it jumps to the next moment a row becomes claimable.
 * Processes with nothing to do wait for it to move, as a real one waits for its next poll.
 */
interface SharedClock {
  now(): Date;
  advance(ms: number): void;
  /** Resolves the next time the clock moves. */
  moved(): Promise<void>;
}

function sharedClock(start: Date): SharedClock {
  let current = start.getTime();
  let waiting: (() => void)[] = [];
  return {
    now: () => new Date(current),
    advance(ms) {
      current += ms;
      const woken = waiting;
      waiting = [];
      for (const wake of woken) wake();
    },
    moved: () => new Promise<void>((resolve) => waiting.push(resolve)),
  };
}

/** The next moment a waiting row is due or a claimed row's lease runs out; undefined when no row waits or is claimed. */
async function nextClaimableAt(db: Database): Promise<Date | undefined> {
  const [row] = await db.prisma.$queryRaw<{ at: Date | null }[]>`
    SELECT min(CASE WHEN status = 'PENDING' THEN "nextAttemptAt" ELSE "leaseUntil" END) AS at
    FROM "Outbox" WHERE status IN ('PENDING', 'SENDING')`;
  return row?.at ?? undefined;
}

/** The queue with each round trip to the database taking a millisecond of the shared clock, as it would take real time. */
function takingTime(queue: OutboxQueue, clock: SharedClock): OutboxQueue {
  const roundTrip =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      clock.advance(1);
      return call(...args);
    };
  return {
    claimDue: roundTrip(queue.claimDue),
    markSent: roundTrip(queue.markSent),
    reschedule: roundTrip(queue.reschedule),
    markFailed: roundTrip(queue.markFailed),
    postpone: roundTrip(queue.postpone),
    release: roundTrip(queue.release),
  };
}

/** Polls like a bot process: deliver what is due; with nothing due, wait for the clock to move. Never returns once its port hangs. */
async function pollForever(dispatcher: Dispatcher, clock: SharedClock): Promise<never> {
  for (;;) {
    const summary = await dispatcher.dispatchDue();
    if (summary.sent + summary.retried + summary.failed === 0) await clock.moved();
  }
}

describe.skipIf(!postgres)("several processes on one Postgres", () => {
  describe("two dispatchers over 10,000 due messages, one killed mid-run", () => {
    const TOTAL = 10_000;
    let first: Database;
    let second: Database;

    beforeAll(async () => {
      first = await (postgres as DatabaseKind).open();
      second = await openDatabase({ databaseUrl: await urlOf(first) });
    });

    afterAll(async () => {
      await second?.close();
      await first?.close();
    });

    it("GIVEN 429s, 500s and timeouts and a dispatcher that freezes WHEN the other keeps polling THEN every message is delivered exactly once", async () => {
      const seeded = await seedWorkspaces(first, 4, 25);
      const clock = sharedClock(T0);
      const due = new Date(T0.getTime() - 60_000);
      const rows = Array.from({ length: TOTAL }, (_, index) => {
        const { workspace, members } = seeded[index % seeded.length] as Seeded;
        const member = members[Math.floor(index / seeded.length) % members.length] as Member;
        const toChannel = index % 5 === 0;
        const key = `load:${index}`;
        return {
          id: randomUUID(),
          workspaceId: workspace.id,
          memberId: toChannel ? null : member.id,
          kind: toChannel ? "celebration" : "encouragement",
          target: toChannel ? ("CHANNEL" as const) : ("DIRECT" as const),
          channel: toChannel ? workspace.celebrationChannel : null,
          payload: { text: key },
          dedupeKey: key,
          nextAttemptAt: due,
        };
      });
      for (let start = 0; start < rows.length; start += 1_000) {
        await first.prisma.outbox.createMany({ data: rows.slice(start, start + 1_000) });
      }

      const draw = seededRandom(20_260_302);
      const injected: Record<InjectedFailure["kind"], number> = {
        "rate-limit": 0,
        "server-error": 0,
        timeout: 0,
        permanent: 0,
      };
      const platform = createFakePlatform({
        channelRateLimit: { limit: 20, windowMs: 50 },
        now: () => clock.now().getTime(),
        elapse: async (ms) => clock.advance(ms),
        // Each call takes a moment, so the channels' rate windows refill as sending goes on, as they would in real time.
        latencyMs: 1,
        failures: () => {
          const roll = draw();
          let failure: InjectedFailure | undefined;
          if (roll < 0.05) failure = { kind: "rate-limit", retryAfterMs: 5 + Math.floor(draw() * 15) };
          else if (roll < 0.08) failure = { kind: "server-error" };
          else if (roll < 0.1) failure = { kind: "timeout", afterMs: 20 };
          if (failure) injected[failure.kind]++;
          return failure;
        },
      });
      const survivorClient = platform.client("survivor");
      const doomedClient = platform.client("doomed");
      // The doomed process freezes mid-call after this many deliveries and is never heard from again.
      doomedClient.hangAfter(1_500);
      const options = {
        clock,
        sleep: async (ms: number) => clock.advance(ms),
        logger: silentLogger,
        leaseMs: 2_000,
        batchSize: 50,
        // Backoff at its floor (1 s): retries of 500s and timeouts come due within the run.
        random: () => 0,
      };
      const survivor = createDispatcher({
        ...options,
        queue: takingTime(createPrismaStore(first).outbox, clock),
        ports: { SLACK: survivorClient, DISCORD: survivorClient },
      });
      const doomed = createDispatcher({
        ...options,
        queue: takingTime(createPrismaStore(second).outbox, clock),
        ports: { SLACK: doomedClient, DISCORD: doomedClient },
      });

      // Abandoned, never stopped: once its port hangs, this loop never resumes, as if the process were killed.
      void pollForever(doomed, clock);
      const notSent = () => first.prisma.outbox.count({ where: { status: { not: "SENT" } } });
      // A bound in simulated time, not on the wall: a correct run needs under a simulated minute, however busy the machine.
      const giveUpAt = T0.getTime() + 3_600_000;
      while ((await notSent()) > 0 && clock.now().getTime() < giveUpAt) {
        const summary = await survivor.dispatchDue();
        if (summary.sent + summary.retried + summary.failed > 0) continue;
        const next = await nextClaimableAt(first);
        if (!next) break;
        // A lease is over only once the clock is past it.
        clock.advance(Math.max(1, next.getTime() + 1 - clock.now().getTime()));
      }

      const statuses = await first.prisma.outbox.groupBy({ by: ["status"], _count: { _all: true } });
      expect(statuses.map((group) => [group.status, group._count._all])).toEqual([["SENT", TOTAL]]);
      const counts = platform.deliveryCounts();
      expect(counts.size).toBe(TOTAL);
      expect(platform.duplicates()).toEqual([]);
      expect(new Set(counts.keys())).toEqual(new Set(rows.map((row) => row.dedupeKey)));

      const byClient = (name: string) => platform.deliveries.filter((delivery) => delivery.client === name).length;
      expect(byClient("doomed")).toBe(1_500);
      expect(byClient("survivor")).toBe(TOTAL - 1_500);
      expect(doomedClient.hanging).toBe(1);
      // The rows the frozen process held were claimed again once their lease ran out: an extra attempt, no error.
      const reclaimed = await first.prisma.outbox.count({ where: { attempts: { gt: 1 }, lastError: null } });
      expect(reclaimed).toBeGreaterThan(0);
      const retried = await first.prisma.outbox.count({ where: { lastError: { not: null } } });
      expect(retried).toBeGreaterThan(0);
      for (const kind of ["rate-limit", "server-error", "timeout"] as const) expect(injected[kind]).toBeGreaterThan(0);
    }, 300_000);
  });

  describe("two schedulers running every job at once", () => {
    let first: Database;
    let second: Database;

    beforeAll(async () => {
      first = await (postgres as DatabaseKind).open();
      second = await openDatabase({ databaseUrl: await urlOf(first) });
    });

    afterAll(async () => {
      await second?.close();
      await first?.close();
    });

    it("GIVEN due feedback chases, silent applications and the weekly post WHEN both processes run each job together THEN the outbox holds one message per situation", async () => {
      // Monday 09:30 UTC: the weekly encouragement is due in these UTC workspaces.
      const now = new Date("2030-03-04T09:30:00.000Z");
      const seeded = await seedWorkspaces(first, 3, 20);
      const store = createPrismaStore(first);
      const expectedKeys: string[] = [];
      for (const { workspace, members } of seeded) {
        expectedKeys.push("weekly:2030-W10");
        await store.inWorkspace(workspace.id, async (repo) => {
          for (const member of members) {
            const rejected = await repo.createApplication({
              memberId: member.id,
              company: "Globex",
              role: null,
              link: null,
              appliedAt: new Date(now.getTime() - 20 * DAY_MS),
            });
            const rejectedAt = new Date(now.getTime() - 5 * DAY_MS);
            await repo.updateApplication(rejected.id, {
              status: "REJECTED",
              statusChangedAt: rejectedAt,
              lastActivityAt: rejectedAt,
            });
            await repo.upsertFeedback(rejected.id, {});
            expectedKeys.push(`feedback-chase:${rejected.id}:1`);

            // Eleven days: past the ten-day silence period, within the look-back after it.
            const silentSince = new Date(now.getTime() - 11 * DAY_MS);
            const silent = await repo.createApplication({
              memberId: member.id,
              company: "Initech",
              role: "Backend engineer",
              link: null,
              appliedAt: silentSince,
            });
            await repo.updateApplication(silent.id, { lastActivityAt: silentSince, statusChangedAt: silentSince });
            expectedKeys.push(`check-in:${silent.id}:${silentSince.toISOString()}`);
          }
        });
      }
      const stores = [createPrismaJobStore(first.prisma), createPrismaJobStore(second.prisma)];

      const runEverything = async () => {
        let created = 0;
        for (const job of JOBS) {
          const results = await Promise.all(stores.map((jobStore) => runJobOnce(job, jobStore, now, silentLogger)));
          created += results.reduce((sum, count) => sum + count, 0);
        }
        return created;
      };
      const outbox = () =>
        first.prisma.outbox.findMany({
          select: { dedupeKey: true, kind: true, memberId: true, payload: true },
          orderBy: { dedupeKey: "asc" },
        });

      expect(await runEverything()).toBe(expectedKeys.length);
      const afterFirstRun = await outbox();
      expect(afterFirstRun.map((row) => row.dedupeKey)).toEqual([...expectedKeys].sort());
      const perMemberAndKind = new Map<string, number>();
      for (const row of afterFirstRun.filter((message) => message.memberId !== null)) {
        const key = `${row.memberId}:${row.kind}`;
        perMemberAndKind.set(key, (perMemberAndKind.get(key) ?? 0) + 1);
      }
      expect([...perMemberAndKind.values()].every((count) => count === 1)).toBe(true);
      const chases = await first.prisma.feedbackRequest.findMany({ select: { chaseCount: true } });
      expect(chases.map((request) => request.chaseCount)).toEqual(chases.map(() => 1));

      expect(await runEverything()).toBe(0);
      expect(await outbox()).toEqual(afterFirstRun);
    }, 60_000);
  });
});
