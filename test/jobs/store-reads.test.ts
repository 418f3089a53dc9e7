/** The job store's set-based reads find what is due and, once the job has queued it, nothing more at the same moment. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/open.ts";
import type { JobStore } from "../../src/jobs/store.ts";
import { databaseKinds } from "../support/databases.ts";
import { createWorld, givenFortnight, type JobName } from "../support/job-world.ts";

/** Each job, the instant of Ada's fortnight when it has something due, and the read it makes. */
const CASES: {
  job: JobName;
  at: string;
  read: (store: JobStore, now: Date) => Promise<{ workspace: { id: string } }[]>;
}[] = [
  {
    job: "feedback-chase",
    at: "2026-10-05T10:00:00.000Z",
    read: (store, now) => store.dueFeedbackChases(now),
  },
  {
    job: "silence-check",
    at: "2026-10-05T10:00:00.000Z",
    read: (store, now) => store.silentApplications(now),
  },
  {
    job: "prep-reminder",
    at: "2026-10-05T17:00:00.000Z",
    read: (store, now) => store.roundsToPrepare(now),
  },
  {
    job: "reflection-prompt",
    at: "2026-10-06T13:00:00.000Z",
    read: (store, now) => store.roundsToReflect(now),
  },
  {
    job: "practice-nudge",
    at: "2026-10-07T10:00:00.000Z",
    read: (store, now) => store.membersToNudge(now),
  },
];

describe.each(databaseKinds())("job store reads on $name", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  it.each(
    CASES,
  )("GIVEN something due for $job WHEN the job has run THEN the same read at the same moment finds nothing", async ({
    job,
    at,
    read,
  }) => {
    const world = createWorld(db, { start: "2026-09-24T10:00:00.000Z" });
    await givenFortnight(world);
    const workspaceId = await world.workspaceId();
    const now = new Date(at);
    const mine = async () => (await read(world.jobStore, now)).filter((row) => row.workspace.id === workspaceId);

    expect(await mine()).toHaveLength(1);
    expect(await world.run(job, at)).toBeGreaterThanOrEqual(1);
    expect(await mine()).toEqual([]);
    expect(await world.run(job, at)).toBe(0);
  });
});
