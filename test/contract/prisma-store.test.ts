/** Runs the storage contract against the Prisma store on every available database, plus Postgres-only concurrency. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/open.ts";
import { createPrismaStore } from "../../src/db/prisma-store.ts";
import { databaseKinds } from "../support/databases.ts";
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
});
