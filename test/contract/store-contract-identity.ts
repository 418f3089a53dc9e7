/** Store contract, part one: workspaces and members. */
import { expect, it } from "vitest";
import { type Store, WorkspaceNotFoundError } from "../../src/core/ports.ts";
import { givenMember, givenWorkspace } from "../support/store-fixtures.ts";

export function describeIdentity(store: () => Store): void {
  it("GIVEN a new platform identity WHEN ensured twice THEN one workspace with the defaults exists", async () => {
    const first = await store().ensureWorkspace({ platform: "SLACK", externalId: "T1", name: "First name" });
    const second = await store().ensureWorkspace({ platform: "SLACK", externalId: "T1", name: "Renamed" });

    expect(second).toEqual(first);
    expect(first).toMatchObject({
      platform: "SLACK",
      externalId: "T1",
      name: "First name",
      celebrationChannel: null,
      defaultTimezone: "UTC",
      feedbackChaseDays: 3,
      silenceDays: 10,
      weeklyEncouragement: true,
    });
    expect(first.createdAt).toBeInstanceOf(Date);
  });

  it("GIVEN workspaces WHEN found by platform and external id THEN each platform has its own", async () => {
    const slack = await store().ensureWorkspace({
      platform: "SLACK",
      externalId: "X",
      name: "s",
      defaultTimezone: "Europe/Berlin",
    });
    const discord = await givenWorkspace(store(), "X", "DISCORD");

    expect(slack.id).not.toBe(discord.id);
    expect(slack.defaultTimezone).toBe("Europe/Berlin");
    expect(await store().findWorkspace("SLACK", "X")).toEqual(slack);
    expect(await store().findWorkspace("DISCORD", "X")).toEqual(discord);
    expect(await store().findWorkspace("CONSOLE", "X")).toBeNull();
  });

  it("GIVEN simultaneous first events WHEN ensuring one workspace THEN both get the same row", async () => {
    const both = await Promise.all([givenWorkspace(store(), "RACE"), givenWorkspace(store(), "RACE")]);
    expect(both[0].id).toBe(both[1].id);
  });

  it("GIVEN a workspace WHEN updated THEN the repository reads the new settings", async () => {
    const workspace = await givenWorkspace(store());
    const updated = await store().inWorkspace(workspace.id, (repo) =>
      repo.updateWorkspace({ celebrationChannel: "C-WINS", silenceDays: 14, weeklyEncouragement: false }),
    );

    expect(updated).toEqual({
      ...workspace,
      celebrationChannel: "C-WINS",
      silenceDays: 14,
      weeklyEncouragement: false,
    });
    expect(await store().inWorkspace(workspace.id, (repo) => repo.getWorkspace())).toEqual(updated);
  });

  it("GIVEN no such workspace WHEN running work in it THEN it is refused", async () => {
    await expect(store().inWorkspace("no-such-workspace", async () => "ran")).rejects.toThrow(/not found/);
    await expect(store().inWorkspace("no-such-workspace", async () => "ran")).rejects.toBeInstanceOf(
      WorkspaceNotFoundError,
    );
  });

  it("GIVEN a workspace deleted since WHEN running work in it THEN it is refused as not found, before the work runs", async () => {
    const workspace = await givenWorkspace(store());
    await store().deleteWorkspace(workspace.id);
    let ran = false;
    const attempt = store().inWorkspace(workspace.id, async () => {
      ran = true;
    });
    await expect(attempt).rejects.toBeInstanceOf(WorkspaceNotFoundError);
    expect(ran).toBe(false);
  });

  it("GIVEN settings changed by another unit of work WHEN a later one reads the workspace THEN it sees them", async () => {
    const workspace = await givenWorkspace(store());
    await store().inWorkspace(workspace.id, (repo) => repo.updateWorkspace({ celebrationChannel: "C-NEW" }));
    await store().scheduleWorkspaceDeletion(workspace.id, new Date("2030-01-01T00:00:00Z"));
    expect(await store().inWorkspace(workspace.id, (repo) => repo.getWorkspace())).toMatchObject({
      celebrationChannel: "C-NEW",
      deletionScheduledAt: new Date("2030-01-01T00:00:00Z"),
    });
  });

  it("GIVEN the store WHEN pinged THEN it answers", async () => {
    await expect(store().ping()).resolves.toBeUndefined();
  });

  it("GIVEN a new member WHEN ensured twice THEN one member with the defaults exists", async () => {
    const workspace = await givenWorkspace(store());
    const [first, second] = await store().inWorkspace(workspace.id, async (repo) => [
      await repo.ensureMember({ externalId: "U1", displayName: "Ada" }),
      await repo.ensureMember({ externalId: "U1", displayName: "Ada Lovelace", timezone: "Europe/London" }),
    ]);

    expect(second).toEqual(first);
    expect(first).toMatchObject({
      workspaceId: workspace.id,
      externalId: "U1",
      displayName: "Ada",
      timezone: null,
      quietStart: 1260,
      quietEnd: 480,
      sharing: null,
      pausedUntil: null,
      optOuts: [],
      dateOrder: null,
    });
  });

  it("GIVEN simultaneous first messages WHEN ensuring one member THEN both get the same row", async () => {
    const workspace = await givenWorkspace(store());
    const both = await Promise.all([
      givenMember(store(), workspace.id, "U1"),
      givenMember(store(), workspace.id, "U1"),
    ]);
    expect(both[0].id).toBe(both[1].id);
  });

  it("GIVEN a member WHEN found and updated THEN the changes round-trip and omitted fields stay", async () => {
    const workspace = await givenWorkspace(store());
    const member = await store().inWorkspace(workspace.id, (repo) =>
      repo.ensureMember({ externalId: "U1", displayName: "Ada", timezone: "Asia/Tokyo" }),
    );
    const pausedUntil = new Date("2030-05-01T00:00:00.000Z");
    const updated = await store().inWorkspace(workspace.id, (repo) =>
      repo.updateMember(member.id, {
        sharing: "COMPANY",
        pausedUntil,
        optOuts: ["encouragement"],
        quietStart: null,
        dateOrder: "MONTH_FIRST",
        displayName: undefined,
      }),
    );

    expect(updated).toEqual({
      ...member,
      sharing: "COMPANY",
      pausedUntil,
      optOuts: ["encouragement"],
      quietStart: null,
      dateOrder: "MONTH_FIRST",
    });
    expect(await store().inWorkspace(workspace.id, (repo) => repo.findMember("U1"))).toEqual(updated);
    expect(await store().inWorkspace(workspace.id, (repo) => repo.findMember("U-NOBODY"))).toBeNull();
  });

  it("GIVEN one platform user in two workspaces THEN they are two members", async () => {
    const first = await givenWorkspace(store(), "T1");
    const second = await givenWorkspace(store(), "T2");
    const a = await givenMember(store(), first.id, "U1");
    const b = await givenMember(store(), second.id, "U1");
    expect(a.id).not.toBe(b.id);
  });

  it("GIVEN a returned row WHEN the caller mutates it THEN the stored row is unchanged", async () => {
    const workspace = await givenWorkspace(store());
    const member = await givenMember(store(), workspace.id, "U1");
    member.optOuts.push("everything");
    member.displayName = "Changed";
    const again = await givenMember(store(), workspace.id, "U1");
    expect(again.optOuts).toEqual([]);
    expect(again.displayName).toBe("Member U1");
  });
}
