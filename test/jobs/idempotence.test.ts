/** Every job run again, and run concurrently, at the same instant leaves the outbox exactly as one run would. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import type { OutboxMessage } from "../../src/core/model.ts";
import type { Database } from "../../src/db/open.ts";
import { JOBS } from "../../src/jobs/registry.ts";
import type { JobStore } from "../../src/jobs/store.ts";
import { databaseKinds } from "../support/databases.ts";
import { createWorld, givenFortnight, type JobName, type JobWorld } from "../support/job-world.ts";

const ALL_JOBS = JOBS.map((job) => job.name as JobName);

/**
 * Instants (UTC, the workspace and member zone) at which something is due: Monday 5 October 2026 10:00 has the
 * weekly post, the feedback chase and the silence check; then the prep reminder, the reflection, practice and digest.
 */
const INSTANTS = [
  "2026-10-05T10:00:00.000Z",
  "2026-10-05T17:00:00.000Z",
  "2026-10-06T13:00:00.000Z",
  "2026-10-07T10:00:00.000Z",
  "2026-10-09T16:00:00.000Z",
];

/** A job store that sees only one workspace, so two worlds on one database can be run apart. */
function onlyWorkspace(store: JobStore, workspaceId: () => Promise<string>): JobStore {
  async function keep<T extends { workspace: { id: string } }>(rows: T[]): Promise<T[]> {
    const id = await workspaceId();
    return rows.filter((row) => row.workspace.id === id);
  }
  return {
    ...store,
    dueFeedbackChases: async (now) => keep(await store.dueFeedbackChases(now)),
    silentApplications: async (now) => keep(await store.silentApplications(now)),
    roundsToPrepare: async (now) => keep(await store.roundsToPrepare(now)),
    roundsToReflect: async (now) => keep(await store.roundsToReflect(now)),
    membersToNudge: async (now) => keep(await store.membersToNudge(now)),
    async workspacesWithChannel() {
      const id = await workspaceId();
      return (await store.workspacesWithChannel()).filter((workspace) => workspace.id === id);
    },
  };
}

/** Runs at `at` what happens between the instants (the invitation, before Wednesday's run). */
async function betweenInstants(world: JobWorld, at: string): Promise<void> {
  if (at === "2026-10-07T10:00:00.000Z") await world.sayAt("2026-10-07T09:00:00.000Z", "invited Acme onsite");
}

/** The rows as a comparison across workspaces sees them: ids, seeded wording and stamps left out. */
function shapeOf(rows: OutboxMessage[]) {
  return rows
    .map((row) => ({
      kind: row.kind,
      target: row.target,
      channel: row.channel,
      key: row.dedupeKey.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "<id>"),
      nextAttemptAt: row.nextAttemptAt.toISOString(),
      title: row.payload.title ?? null,
      buttons: row.payload.buttons?.map((button) => button.command) ?? [],
      status: row.status,
    }))
    .sort((a, b) => `${a.kind}|${a.key}`.localeCompare(`${b.kind}|${b.key}`));
}

describe.each(databaseKinds())("job idempotence on $name", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it("GIVEN a fortnight where every job has something due WHEN all jobs run twice more at each instant THEN the outbox is what one run made", async () => {
    const world = createWorld(db, { start: "2026-09-24T10:00:00.000Z", jobStore: onlyWorkspace });
    await givenFortnight(world);
    for (const at of INSTANTS) {
      await betweenInstants(world, at);
      for (const job of ALL_JOBS) await world.run(job, at);
      const once = await world.outbox();
      for (const job of [...ALL_JOBS, ...ALL_JOBS]) expect(await world.run(job, at)).toBe(0);
      expect(await world.outbox()).toEqual(once);
    }
    expect((await world.outbox()).map((row) => row.kind).sort()).toEqual([
      "check-in",
      "digest",
      "feedback-chase",
      "practice",
      "prep",
      "reflection",
      "weekly",
    ]);
    const [request] = await db.prisma.feedbackRequest.findMany({ where: { workspaceId: await world.workspaceId() } });
    expect(request?.chaseCount).toBe(1);
  });

  it("GIVEN two identical workspaces WHEN one has each job run once and the other three times concurrently per instant THEN both outboxes match", async () => {
    const once = createWorld(db, { start: "2026-09-24T10:00:00.000Z", jobStore: onlyWorkspace });
    const racing = createWorld(db, { start: "2026-09-24T10:00:00.000Z", jobStore: onlyWorkspace });
    await givenFortnight(once);
    await givenFortnight(racing);
    let racedCreated = 0;
    for (const at of INSTANTS) {
      await betweenInstants(once, at);
      await betweenInstants(racing, at);
      for (const job of ALL_JOBS) await once.run(job, at);
      racing.clock.set(at);
      const context = { now: new Date(at), store: racing.jobStore, logger: silentLogger };
      const runs = JOBS.flatMap((job) => [job.run(context), job.run(context), job.run(context)]);
      racedCreated += (await Promise.all(runs)).reduce((sum, created) => sum + created, 0);
    }
    const raced = await racing.outbox();
    expect(racedCreated).toBe(raced.length);
    expect(new Set(raced.map((row) => row.dedupeKey)).size).toBe(raced.length);
    expect(shapeOf(raced)).toEqual(shapeOf(await once.outbox()));
    expect(raced).toHaveLength(7);
  });
});
