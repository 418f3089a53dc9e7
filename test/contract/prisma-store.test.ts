/** Runs the storage contract against the Prisma store on every available database, plus Postgres-only concurrency. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/open.ts";
import { createPrismaStore } from "../../src/db/prisma-store.ts";
import { databaseKinds } from "../support/databases.ts";
import { deferred } from "../support/deferred.ts";
import { channelMessage, givenWorkspace, minutesAfter, T0 } from "../support/store-fixtures.ts";
import { runStoreContract } from "./store-contract.ts";

describe.each(databaseKinds())("on $name", (kind) => {
  // Opening and migrating takes seconds on PGlite, so the suite shares one database and empties it per test.
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
  });
  afterAll(async () => {
    await db?.close();
  });
  const emptyStore = async () => {
    await db.sql.exec('TRUNCATE "Workspace" CASCADE');
    return createPrismaStore(db);
  };

  runStoreContract(`prisma (${kind.name})`, async () => ({ store: await emptyStore(), close: async () => {} }));

  it.runIf(kind.name === "postgres")(
    "GIVEN 200 due messages WHEN two dispatchers claim at once THEN each message is claimed exactly once",
    async () => {
      const store = await emptyStore();
      const workspace = await givenWorkspace(store);
      await store.inWorkspace(workspace.id, async (repo) => {
        for (let i = 0; i < 200; i++) await repo.enqueue(channelMessage(`news-${i}`, minutesAfter(T0, -i)));
      });

      // The pool gives each call its own connection, so the two statements really overlap in Postgres. One race can
      // come out right by luck, so it is run several times, releasing the messages in between.
      for (let race = 0; race < 5; race++) {
        const [first, second] = await Promise.all([
          store.outbox.claimDue(T0, 120, 60_000),
          store.outbox.claimDue(T0, 120, 60_000),
        ]);

        const firstIds = new Set(first.map((message) => message.id));
        expect(second.filter((message) => firstIds.has(message.id))).toEqual([]);
        expect(first.length + second.length).toBe(200);
        expect([...first, ...second].every((message) => message.attempts === 1)).toBe(true);
        await store.outbox.release([...first, ...second].map((message) => message.id));
      }
    },
  );

  it.runIf(kind.name === "postgres")(
    "GIVEN an undo's transaction holding a post in flight WHEN the dispatcher marks it sent meanwhile THEN it waits for the undo, sees its request and queues exactly one retraction",
    async () => {
      const store = await emptyStore();
      const workspace = await givenWorkspace(store);
      await store.inWorkspace(workspace.id, (repo) => repo.enqueue(channelMessage("post")));
      const [claimed] = await store.outbox.claimDue(T0, 10, 60_000);
      const id = claimed?.id ?? "";
      const locked = deferred();
      const commit = deferred();
      const undo = store.inWorkspace(workspace.id, async (repo) => {
        const taken = await repo.takeBackOutbox([id], minutesAfter(T0, 1));
        locked.resolve();
        await commit.promise;
        return taken;
      });
      await locked.promise;

      const marking = store.outbox.markSent(id, minutesAfter(T0, 2), "ts-1");
      // The UPDATE must really wait on the undo's row lock before the undo commits, or this is no race.
      await untilSomeoneWaitsOnALock(db);
      commit.resolve();

      expect(await undo).toEqual({ cancelled: 0, retracting: 1 });
      await marking;
      const due = await store.outbox.claimDue(minutesAfter(T0, 2), 10, 60_000);
      expect(due).toMatchObject([{ kind: "retraction", payload: { retracts: "ts-1" }, dedupeKey: `retraction:${id}` }]);
    },
  );
});

/** Resolves once another session of this database is waiting for a lock; polls Postgres' own view of sessions. */
async function untilSomeoneWaitsOnALock(db: Database): Promise<void> {
  for (let attempt = 0; attempt < 1_000; attempt++) {
    const [row] = await db.prisma.$queryRaw<{ waiting: number }[]>`
      SELECT count(*)::int AS waiting FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock'`;
    if ((row?.waiting ?? 0) > 0) return;
  }
  throw new Error("no session ever waited on a lock");
}
