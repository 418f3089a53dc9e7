/** Runs the JobStore contract against the Prisma job store on PGlite, and on Postgres when TEST_DATABASE_URL is set. */
import { afterAll, beforeAll, describe } from "vitest";
import type { OutboxMessage } from "../../src/core/model.ts";
import type { Database } from "../../src/db/open.ts";
import { createPrismaJobStore } from "../../src/db/prisma-job-store.ts";
import { createPrismaStore } from "../../src/db/prisma-store.ts";
import { databaseKinds } from "../support/databases.ts";
import { createFakeClock } from "../support/job-world.ts";
import { runJobStoreContract } from "./job-store-contract.ts";
import type { JobStoreSubject } from "./job-store-contract-world.ts";

/** A trigger that fails writing one request's chase count: the run's second write, failed inside the database. */
async function failChaseRecording(db: Database, requestId: string): Promise<() => Promise<void>> {
  const name = `fail_chase_${requestId.replaceAll("-", "_")}`;
  await db.sql.exec(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'recording the chase failed (test trigger)'; END $$;
    CREATE TRIGGER ${name} BEFORE UPDATE OF "chaseCount" ON "FeedbackRequest"
    FOR EACH ROW WHEN (NEW.id = '${requestId}') EXECUTE FUNCTION ${name}();`);
  return async () => {
    await db.sql.exec(`DROP TRIGGER ${name} ON "FeedbackRequest"; DROP FUNCTION ${name}();`);
  };
}

describe.each(databaseKinds())("on $name", (kind) => {
  // Opening and migrating takes seconds on PGlite: the cases share one database, each in its own workspace.
  let db: Database;
  let subject: JobStoreSubject;
  beforeAll(async () => {
    db = await kind.open();
    const clock = createFakeClock("2026-01-01T00:00:00.000Z");
    subject = {
      store: createPrismaStore(db, { clock }),
      jobStore: createPrismaJobStore(db.prisma),
      clock,
      async outboxRows(workspaceId) {
        return (await db.prisma.outbox.findMany({ where: { workspaceId } })) as unknown as OutboxMessage[];
      },
      failChaseRecording: (requestId) => failChaseRecording(db, requestId),
    };
  });
  afterAll(async () => {
    await db?.close();
  });

  runJobStoreContract(kind.name, () => subject);
});
