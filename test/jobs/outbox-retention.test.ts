/** Sent messages keep their bookkeeping but not their words: after the retention period their payload is blanked. */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import type { OutboxMessage } from "../../src/core/model.ts";
import type { Store } from "../../src/core/ports.ts";
import type { Database } from "../../src/db/open.ts";
import { createPrismaJobStore } from "../../src/db/prisma-job-store.ts";
import { createPrismaStore } from "../../src/db/prisma-store.ts";
import { findJob } from "../../src/jobs/registry.ts";
import type { JobStore } from "../../src/jobs/store.ts";
import { createMemoryJobStore } from "../fakes/memory-job-store.ts";
import { createMemoryStore } from "../fakes/memory-store.ts";
import { databaseKinds } from "../support/databases.ts";
import { DAY_MS } from "../support/job-world.ts";

const NOW = new Date("2026-11-18T12:00:00.000Z");
const daysBefore = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

interface Subject {
  store: Store;
  jobStore: JobStore;
  rows(workspaceId: string): Promise<OutboxMessage[]>;
}

const memory = (): Subject => {
  const store = createMemoryStore();
  return {
    store,
    jobStore: createMemoryJobStore(store),
    rows: async (workspaceId) => [...store.tables().outbox.values()].filter((row) => row.workspaceId === workspaceId),
  };
};

function database(db: Database): Subject {
  const store = createPrismaStore(db);
  return {
    store,
    jobStore: createPrismaJobStore(db.prisma),
    async rows(workspaceId) {
      return (await db.prisma.outbox.findMany({ where: { workspaceId } })) as unknown as OutboxMessage[];
    },
  };
}

const kinds: { name: string; open(): Promise<{ subject: Subject; close(): Promise<void> }> }[] = [
  { name: "memory", open: async () => ({ subject: memory(), close: async () => {} }) },
  ...databaseKinds().map((kind) => ({
    name: kind.name,
    async open() {
      const db = await kind.open();
      return { subject: database(db), close: () => db.close() };
    },
  })),
];

describe.each(kinds)("outbox-retention on $name", (kind) => {
  let opened: Awaited<ReturnType<(typeof kinds)[number]["open"]>>;
  beforeAll(async () => {
    opened = await kind.open();
  });
  afterAll(async () => {
    await opened?.close();
  });

  /** A workspace with three posts about Ada: sent 31 and 29 days ago, and one still pending. */
  async function givenOutbox(): Promise<string> {
    const { store } = opened.subject;
    const workspace = await store.ensureWorkspace({
      platform: "SLACK",
      externalId: `T-${randomBytes(4).toString("hex")}`,
      name: "Cohort",
    });
    await store.inWorkspace(workspace.id, async (repo) => {
      const ada = await repo.ensureMember({ externalId: "U-ADA", displayName: "Ada" });
      for (const key of ["old", "recent", "pending"]) {
        await repo.enqueue({
          kind: "celebration",
          target: "CHANNEL",
          memberId: ada.id,
          channel: "C-WINS",
          payload: { text: `Ada has an offer from Acme (${key})` },
          dedupeKey: `celebration:${key}`,
          nextAttemptAt: daysBefore(40),
        });
      }
    });
    const claimed = await store.outbox.claimDue(daysBefore(39), 100, 60_000);
    const mine = claimed.filter((row) => row.workspaceId === workspace.id);
    const byKey = (key: string) => mine.find((row) => row.dedupeKey === `celebration:${key}`)?.id ?? "";
    await store.outbox.markSent(byKey("old"), daysBefore(31), "ts-old");
    await store.outbox.markSent(byKey("recent"), daysBefore(29), "ts-recent");
    return workspace.id;
  }

  it("GIVEN posts sent 31 and 29 days ago WHEN the retention job runs with the default 30 days THEN only the older one loses its words, keeping status, key and reference", async () => {
    const workspaceId = await givenOutbox();
    const job = findJob("outbox-retention");
    expect(job).toBeDefined();
    await job?.run({ now: NOW, store: opened.subject.jobStore, logger: silentLogger });
    await job?.run({ now: NOW, store: opened.subject.jobStore, logger: silentLogger });
    const rows = await opened.subject.rows(workspaceId);
    const byKey = Object.fromEntries(rows.map((row) => [row.dedupeKey, row]));
    expect(byKey["celebration:old"]).toMatchObject({ status: "SENT", postedRef: "ts-old", payload: { text: "" } });
    expect(JSON.stringify(byKey["celebration:old"]?.payload)).not.toContain("Acme");
    expect(byKey["celebration:recent"]?.payload.text).toContain("Acme");
    expect(byKey["celebration:pending"]?.payload.text).toContain("Acme");
  });

  it("GIVEN a retention of 7 days WHEN the job runs THEN posts sent more than a week ago lose their words too", async () => {
    const workspaceId = await givenOutbox();
    const job = findJob("outbox-retention");
    await job?.run({ now: NOW, store: opened.subject.jobStore, logger: silentLogger, outboxRetentionDays: 7 });
    const rows = await opened.subject.rows(workspaceId);
    expect(
      rows
        .filter((row) => row.payload.text === "")
        .map((row) => row.dedupeKey)
        .sort(),
    ).toEqual(["celebration:old", "celebration:recent"]);
  });
});
