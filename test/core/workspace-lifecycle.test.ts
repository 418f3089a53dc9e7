/** The neutral install events every adapter translates into: removal schedules deletion after the grace period, return cancels it. */
import { describe, expect, it } from "vitest";
import { silentLogger } from "../../src/core/logger.ts";
import { createWorkspaceLifecycle } from "../../src/core/workspace-lifecycle.ts";
import { ADA, createHarness, T0, TEAM } from "../support/core-harness.ts";

const DAY_MS = 86_400_000;

function lifecycleOf(h: ReturnType<typeof createHarness>, graceDays = 30) {
  return createWorkspaceLifecycle({ store: h.store, clock: h.clock, logger: silentLogger, graceDays });
}

describe("workspace lifecycle", () => {
  it("GIVEN a workspace in use WHEN the app is removed THEN its deletion is scheduled grace days from now", async () => {
    const h = createHarness();
    await h.say("apply Acme");
    const at = await lifecycleOf(h, 30).workspaceRemoved({ platform: TEAM.platform, externalId: TEAM.externalId });
    expect(at?.getTime()).toBe(T0.getTime() + 30 * DAY_MS);
    expect((await h.snapshot())?.workspace.deletionScheduledAt).toEqual(at);
  });

  it("GIVEN a grace period of 7 days THEN the schedule follows it, not a constant", async () => {
    const h = createHarness();
    await h.say("apply Acme");
    const at = await lifecycleOf(h, 7).workspaceRemoved({ platform: TEAM.platform, externalId: TEAM.externalId });
    expect(at?.getTime()).toBe(T0.getTime() + 7 * DAY_MS);
  });

  it("GIVEN a workspace never seen WHEN the app is removed there THEN nothing is created or scheduled", async () => {
    const h = createHarness();
    const at = await lifecycleOf(h).workspaceRemoved({ platform: "DISCORD", externalId: "G-UNKNOWN" });
    expect(at).toBeUndefined();
    expect(await h.store.findWorkspace("DISCORD", "G-UNKNOWN")).toBeNull();
  });

  it("GIVEN a removed workspace WHEN the app returns THEN the deletion is cancelled and the member's data kept", async () => {
    const h = createHarness();
    await h.say("apply Acme");
    const lifecycle = lifecycleOf(h);
    await lifecycle.workspaceRemoved({ platform: TEAM.platform, externalId: TEAM.externalId });
    await lifecycle.workspaceReturned(TEAM);
    expect((await h.snapshot())?.workspace.deletionScheduledAt).toBeNull();
    expect((await h.rows(ADA)).applications.map((application) => application.company)).toEqual(["Acme"]);
  });

  it("GIVEN a new workspace WHEN the app is installed THEN the workspace exists, named as the platform names it", async () => {
    const h = createHarness();
    await lifecycleOf(h).workspaceReturned({ platform: "DISCORD", externalId: "G-NEW", name: "Career Club" });
    expect(await h.store.findWorkspace("DISCORD", "G-NEW")).toMatchObject({
      name: "Career Club",
      deletionScheduledAt: null,
    });
  });
});
