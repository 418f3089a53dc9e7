/** ApplicationNews, kept by triggers: an application's last news follows its activity and its rounds' times, however they change. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/open.ts";
import { createPrismaStore } from "../../src/db/prisma-store.ts";
import { databaseKinds } from "../support/databases.ts";

const APPLIED = new Date("2026-03-02T10:00:00.000Z");
const at = (days: number) => new Date(APPLIED.getTime() + days * 86_400_000);

describe.each(databaseKinds())("application news on $name", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function givenApplication(name: string) {
    const store = createPrismaStore(db, { clock: { now: () => APPLIED } });
    const workspace = await store.ensureWorkspace({ platform: "SLACK", externalId: `T-NEWS-${name}`, name });
    return store.inWorkspace(workspace.id, async (repo) => {
      const member = await repo.ensureMember({ externalId: "U-ADA", displayName: "Ada" });
      const application = await repo.createApplication({
        memberId: member.id,
        company: "Acme",
        role: null,
        link: null,
        appliedAt: APPLIED,
      });
      return { store, workspaceId: workspace.id, memberId: member.id, application };
    });
  }

  async function newsOf(applicationId: string): Promise<Date | null> {
    const row = await db.prisma.applicationNews.findUnique({ where: { applicationId } });
    return row?.lastNewsAt ?? null;
  }

  it("GIVEN a new application THEN its news is its activity; WHEN touched later THEN the news moves with it", async () => {
    const { store, workspaceId, application } = await givenApplication("touch");
    expect(await newsOf(application.id)).toEqual(application.lastActivityAt);
    await store.inWorkspace(workspaceId, (repo) => repo.updateApplication(application.id, { lastActivityAt: at(3) }));
    expect(await newsOf(application.id)).toEqual(at(3));
  });

  it("GIVEN a round scheduled ahead WHEN it is moved earlier, then deleted THEN the news follows each time", async () => {
    const { store, workspaceId, application } = await givenApplication("rounds");
    const round = await store.inWorkspace(workspaceId, (repo) =>
      repo.createRound({ applicationId: application.id, stage: "ONSITE", scheduledAt: at(20), heldAt: null }),
    );
    expect(await newsOf(application.id)).toEqual(at(20));
    await store.inWorkspace(workspaceId, (repo) => repo.updateRound(round.id, { scheduledAt: at(5) }));
    expect(await newsOf(application.id)).toEqual(at(5));
    await store.inWorkspace(workspaceId, (repo) => repo.updateRound(round.id, { heldAt: at(6) }));
    expect(await newsOf(application.id)).toEqual(at(6));
    await db.prisma.round.delete({ where: { id: round.id } });
    expect(await newsOf(application.id)).toEqual(APPLIED);
  });

  it("GIVEN a member with applications and rounds WHEN the member is deleted THEN their news rows go too", async () => {
    const { store, workspaceId, memberId, application } = await givenApplication("forget");
    await store.inWorkspace(workspaceId, (repo) =>
      repo.createRound({ applicationId: application.id, stage: "SCREEN", scheduledAt: null, heldAt: at(1) }),
    );
    await store.inWorkspace(workspaceId, (repo) => repo.deleteMember(memberId));
    expect(await newsOf(application.id)).toBeNull();
    expect(await db.prisma.application.count({ where: { id: application.id } })).toBe(0);
  });
});
