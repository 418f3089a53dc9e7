/** The JobStore contract on the reads themselves: what a read finds due is what the job writes, and once written the read finds nothing. */
import { expect, it } from "vitest";
import type { JobStore } from "../../src/jobs/store.ts";
import { ADMIN, JOB_KINDS, type JobName } from "../support/job-world.ts";
import { type ContractWorld, createContractWorld, type JobStoreSubject } from "./job-store-contract-world.ts";

/** Each member job, an instant of Ada's fortnight when it has something due, and the read it makes. */
const READS: {
  job: JobName;
  at: string;
  read: (store: JobStore, now: Date) => Promise<{ workspace: { id: string }; dedupeKey: string }[]>;
}[] = [
  { job: "feedback-chase", at: "2026-10-05T10:00:00.000Z", read: (store, now) => store.dueFeedbackChases(now) },
  { job: "silence-check", at: "2026-10-05T10:00:00.000Z", read: (store, now) => store.silentApplications(now) },
  { job: "prep-reminder", at: "2026-10-05T17:00:00.000Z", read: (store, now) => store.roundsToPrepare(now) },
  { job: "reflection-prompt", at: "2026-10-06T13:00:00.000Z", read: (store, now) => store.roundsToReflect(now) },
  { job: "practice-nudge", at: "2026-10-07T10:00:00.000Z", read: (store, now) => store.membersToNudge(now) },
];

/**
 * Ada's fortnight from 24 September 2026 (a team channel, UTC): a rejection (Globex, 2 October), a silent
 * application (Initech), a round on 6 October 10:00 (Acme) and an open gap, so every job has something due.
 */
async function givenFortnight(world: ContractWorld): Promise<void> {
  await world.sayAt("2026-09-24T10:00:00.000Z", "admin channel team", ADMIN);
  for (const line of ["apply Acme", "apply Globex", "apply Initech", "gap dynamic programming"]) await world.say(line);
  await world.sayAt("2026-10-01T10:00:00.000Z", "round Acme technical 2026-10-06 10:00");
  await world.sayAt("2026-10-02T10:00:00.000Z", "rejected Globex");
}

export function readContract(subject: () => JobStoreSubject): void {
  it.each(
    READS,
  )("GIVEN something due for $job WHEN the job has run THEN it wrote the key the read gave, and the same read finds nothing", async ({
    job,
    at,
    read,
  }) => {
    const current = subject();
    const world = createContractWorld(current, "2026-09-24T10:00:00.000Z");
    await givenFortnight(world);
    const workspaceId = await world.workspaceId();
    const mine = async () =>
      (await read(current.jobStore, new Date(at))).filter((row) => row.workspace.id === workspaceId);

    const due = await mine();
    expect(due).toHaveLength(1);
    await world.run(job, at);
    const written = (await current.outboxRows(workspaceId)).filter((row) => JOB_KINDS.includes(row.kind));
    expect(written.map((row) => row.dedupeKey)).toEqual([due[0]?.dedupeKey]);
    expect(await mine()).toEqual([]);
  });
}
