/** The bot remembers which workspace an identity is, while settings and deletion schedules written elsewhere still count. */
import { describe, expect, it } from "vitest";
import { createBot } from "../../src/core/bot.ts";
import { silentLogger } from "../../src/core/logger.ts";
import type { Store } from "../../src/core/ports.ts";
import { ADA, createHarness, type Harness, TEAM } from "../support/core-harness.ts";

/** A harness whose store counts ensureWorkspace calls, as another process sharing the database would not. */
function counted(): { h: Harness; ensures: () => number } {
  let ensures = 0;
  const h = createHarness({
    wrapStore: (store: Store): Store => ({
      ...store,
      ensureWorkspace(identity) {
        ensures += 1;
        return store.ensureWorkspace(identity);
      },
    }),
  });
  return { h, ensures: () => ensures };
}

const LATER = new Date("2026-04-01T00:00:00Z");

async function workspaceRow(h: Harness) {
  const snapshot = await h.snapshot([]);
  if (!snapshot) throw new Error("no workspace");
  return snapshot.workspace;
}

describe("workspace directory", () => {
  it("GIVEN a known team WHEN its members send commands THEN the workspace is looked up by identity only once", async () => {
    const { h, ensures } = counted();
    await h.sayAll(["apply Acme", "round acme technical", "pipeline", "stats"]);
    await h.bot.home(TEAM, ADA);
    expect(ensures()).toBe(1);
  });

  it("GIVEN the app removed on another process WHEN a member sends a command THEN the deletion is cancelled", async () => {
    const { h } = counted();
    await h.say("apply Acme");
    const workspace = await workspaceRow(h);
    await h.store.scheduleWorkspaceDeletion(workspace.id, LATER);
    expect((await h.say("pipeline")).title).toBe("Your pipeline");
    expect((await workspaceRow(h)).deletionScheduledAt).toBeNull();
  });

  it("GIVEN a scheduled deletion WHEN the member's command is refused THEN it is still activity and cancels it", async () => {
    const { h } = counted();
    await h.say("apply Acme");
    const workspace = await workspaceRow(h);
    await h.store.scheduleWorkspaceDeletion(workspace.id, LATER);
    expect((await h.run("round nowhere technical")).code).toBe("company-not-found");
    expect((await workspaceRow(h)).deletionScheduledAt).toBeNull();
  });

  it("GIVEN a scheduled deletion WHEN a home screen is rendered (a refresh left over from before the removal) THEN it stays scheduled", async () => {
    const { h } = counted();
    await h.say("apply Acme");
    const workspace = await workspaceRow(h);
    await h.store.scheduleWorkspaceDeletion(workspace.id, LATER);
    await h.bot.home(TEAM, ADA);
    await h.bot.home(TEAM, { ...ADA, externalId: "U-NEW", displayName: "Newcomer" });
    expect((await workspaceRow(h)).deletionScheduledAt).toEqual(LATER);
    await h.say("pipeline");
    expect((await workspaceRow(h)).deletionScheduledAt).toBeNull();
  });

  it("GIVEN a process that never saw the workspace WHEN it renders a home screen THEN the scheduled deletion stays", async () => {
    const { h } = counted();
    await h.say("apply Acme");
    const workspace = await workspaceRow(h);
    await h.store.scheduleWorkspaceDeletion(workspace.id, LATER);
    const fresh = createBot({ store: h.store, clock: h.clock, logger: silentLogger });
    await fresh.home(TEAM, ADA);
    expect((await workspaceRow(h)).deletionScheduledAt).toEqual(LATER);
  });

  it("GIVEN the workspace deleted since it was remembered WHEN a member comes back THEN a fresh one serves them", async () => {
    const { h, ensures } = counted();
    await h.say("apply Acme");
    const gone = await workspaceRow(h);
    await h.store.deleteWorkspace(gone.id);
    expect((await h.say("pipeline")).text).toContain("empty");
    const fresh = await workspaceRow(h);
    expect(fresh.id).not.toBe(gone.id);
    expect(ensures()).toBe(2);
    expect((await h.run("apply Acme")).code).toBe("application-created");
  });

  it("GIVEN an admin changed the channel on another process WHEN a win is logged THEN the celebration goes to the new channel", async () => {
    const { h } = counted();
    await h.setCelebrationChannel("C-OLD");
    await h.setSharing("ON");
    await h.sayAll(["apply Acme", "round acme screen"]);
    await h.setCelebrationChannel("C-NEW");
    await h.say("invited acme technical");
    const posts = (await h.rows()).outbox.filter((row) => row.target === "CHANNEL");
    expect(posts.map((row) => row.channel)).toEqual(["C-NEW"]);
  });
});
