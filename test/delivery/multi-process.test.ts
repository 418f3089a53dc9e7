/** Several bot processes on one Postgres: two dispatchers (one of them crashing) and two schedulers, nothing lost or doubled. */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDispatcher, type Dispatcher } from "../../src/core/delivery/dispatcher.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { Member, Workspace } from "../../src/core/model.ts";
import { type Database, openDatabase } from "../../src/db/open.ts";
import { createPrismaJobStore } from "../../src/db/prisma-job-store.ts";
import { createPrismaStore } from "../../src/db/prisma-store.ts";
import { JOBS } from "../../src/jobs/registry.ts";
import { runJobOnce } from "../../src/jobs/scheduler.ts";
import { createFakePlatform, type InjectedFailure, seededRandom } from "../fakes/fake-platform.ts";
import { type DatabaseKind, databaseKinds } from "../support/databases.ts";

const postgres: DatabaseKind | undefined = databaseKinds().find((kind) => kind.name === "postgres");
const DAY_MS = 86_400_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

/** Polls like a bot process: deliver what is due, rest briefly when nothing was, until `done` or the deadline. */
async function pollUntil(dispatcher: Dispatcher, done: () => Promise<boolean>, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const summary = await dispatcher.dispatchDue();
    if (await done()) return;
    if (summary.sent + summary.retried + summary.failed === 0) await sleep(20);
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
      const due = new Date(Date.now() - 60_000);
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
        clock: { now: () => new Date() },
        logger: silentLogger,
        leaseMs: 2_000,
        batchSize: 50,
        // Backoff at its floor (1 s) keeps the retries of 500s and timeouts quick.
        random: () => 0,
      };
      const survivor = createDispatcher({
        ...options,
        queue: createPrismaStore(first).outbox,
        ports: { SLACK: survivorClient, DISCORD: survivorClient },
      });
      const doomed = createDispatcher({
        ...options,
        queue: createPrismaStore(second).outbox,
        ports: { SLACK: doomedClient, DISCORD: doomedClient },
      });

      const started = Date.now();
      // Generous: a busy machine slows this down; a correct dispatcher finishes well inside it either way.
      const deadline = started + 150_000;
      // Abandoned, never stopped: once its port hangs, this loop never resumes, as if the process were killed.
      void pollUntil(doomed, async () => false, deadline);
      const allSent = async () => (await first.prisma.outbox.count({ where: { status: { not: "SENT" } } })) === 0;
      await pollUntil(survivor, allSent, deadline);

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
    }, 180_000);
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
