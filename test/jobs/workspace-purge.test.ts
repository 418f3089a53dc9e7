/** The purge deletes due workspaces whole, one transaction each, and leaves what its time budget did not reach to the next run. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import type { Database } from "../../src/db/open.ts";
import { createPrismaJobStore } from "../../src/db/prisma-job-store.ts";
import { createPrismaStore } from "../../src/db/prisma-store.ts";
import { PURGE_BUDGET_MS, runWorkspacePurge } from "../../src/jobs/workspace-purge.ts";
import { databaseKinds } from "../support/databases.ts";
import { ADA, createWorld, DAY_MS, type JobWorld } from "../support/job-world.ts";

const NOW = new Date("2026-11-18T12:00:00.000Z");

describe.each(databaseKinds())("workspace purge on $name", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  /** A workspace with Ada's pipeline whose deletion was scheduled `daysAgo` days before NOW. */
  async function givenRemoved(daysAgo: number | null): Promise<JobWorld> {
    const world = createWorld(db, { start: new Date(NOW.getTime() - 40 * DAY_MS) });
    await world.say("apply Acme");
    await world.say("round acme screen");
    await world.say("gap system design");
    const at = daysAgo === null ? null : new Date(NOW.getTime() - daysAgo * DAY_MS);
    await createPrismaStore(db).scheduleWorkspaceDeletion(await world.workspaceId(), at);
    return world;
  }

  const remaining = async (worlds: JobWorld[]) => {
    const ids = await Promise.all(worlds.map((world) => world.workspaceId()));
    const kept = await db.prisma.workspace.findMany({ where: { id: { in: ids } }, select: { id: true } });
    return worlds.filter((_, index) => kept.some((row) => row.id === ids[index]));
  };

  it("GIVEN three removed workspaces and a budget spent after the first WHEN the purge runs THEN the longest due goes whole, the others on later runs", async () => {
    const [newest, oldest, middle] = [await givenRemoved(1), await givenRemoved(3), await givenRemoved(2)];
    const store = createPrismaJobStore(db.prisma);
    // Each reading of the stopwatch is a budget later than the one before: one workspace per run.
    let reading = 0;
    const stopwatch = () => {
      reading += PURGE_BUDGET_MS;
      return reading;
    };
    const run = () => runWorkspacePurge({ now: NOW, store, logger: silentLogger, stopwatch });

    expect(await run()).toBe(1);
    expect(await remaining([newest, oldest, middle])).toEqual([newest, middle]);
    const oldestId = await oldest.workspaceId();
    expect(await db.prisma.application.count({ where: { workspaceId: oldestId } })).toBe(0);
    expect(await db.prisma.member.count({ where: { workspaceId: oldestId } })).toBe(0);
    expect(await db.prisma.applicationNews.count({ where: { application: { workspaceId: oldestId } } })).toBe(0);

    expect(await run()).toBe(1);
    expect(await remaining([newest, middle])).toEqual([newest]);
    expect(await run()).toBe(1);
    expect(await run()).toBe(0);
  });

  it("GIVEN a removed workspace that came back WHEN the purge runs THEN it and its members stay", async () => {
    const back = await givenRemoved(5);
    await createPrismaStore(db).scheduleWorkspaceDeletion(await back.workspaceId(), null);
    const later = await givenRemoved(null);
    expect(await runWorkspacePurge({ now: NOW, store: createPrismaJobStore(db.prisma), logger: silentLogger })).toBe(0);
    expect(await remaining([back, later])).toEqual([back, later]);
    expect(
      await db.prisma.member.count({ where: { workspaceId: await back.workspaceId(), externalId: ADA.externalId } }),
    ).toBe(1);
  });
});
