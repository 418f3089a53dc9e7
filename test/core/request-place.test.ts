/** Where a request comes from counts: a channel must be one of the workspace's, and a DM never revives a removed workspace. */
import { describe, expect, it } from "vitest";
import type { Store } from "../../src/core/ports.ts";
import type { ChannelVerdict } from "../../src/core/request-place.ts";
import { ADA, ADMIN, createHarness, type Harness, TEAM } from "../support/core-harness.ts";

const LATER = new Date("2026-04-01T00:00:00Z");

/** A harness whose platform answers `verdict` about every channel, recording what it was asked. */
function withChannels(verdict: ChannelVerdict): { h: Harness; asked: string[] } {
  const asked: string[] = [];
  const h = createHarness({
    place: {
      channelVerdict: async (channel) => {
        asked.push(channel);
        return verdict;
      },
    },
  });
  return { h, asked };
}

async function workspaceOf(h: Harness) {
  const snapshot = await h.snapshot([]);
  if (!snapshot) throw new Error("no workspace");
  return snapshot.workspace;
}

describe("the celebration channel belongs to the workspace", () => {
  it("GIVEN the platform says the channel is another workspace's WHEN an admin sets it THEN it is refused kindly and nothing changes", async () => {
    const { h, asked } = withChannels("elsewhere");
    await h.setCelebrationChannel("C0OURS");
    const outcome = await h.run("admin channel <#C0THEIRS|wins>", ADMIN);
    expect(outcome).toMatchObject({ kind: "refused", code: "channel-not-in-workspace", changed: false });
    expect(outcome.message.text).toMatch(/can't find that channel in this workspace/);
    expect(asked).toEqual(["C0THEIRS"]);
    expect((await workspaceOf(h)).celebrationChannel).toBe("C0OURS");
  });

  it("GIVEN the platform can't be asked just now WHEN an admin sets a channel THEN it is refused with a try-again and nothing changes", async () => {
    const { h } = withChannels("unknown");
    const outcome = await h.run("admin channel <#C0MAYBE|wins>", ADMIN);
    expect(outcome).toMatchObject({ kind: "refused", code: "channel-not-in-workspace", changed: false });
    expect(outcome.message.text).toMatch(/try again/);
    expect((await workspaceOf(h)).celebrationChannel).toBeNull();
  });

  it("GIVEN the platform says the channel is the workspace's THEN it is set", async () => {
    const { h } = withChannels("here");
    expect((await h.run("admin channel <#C0OURS|wins>", ADMIN)).code).toBe("workspace-setting-changed");
    expect((await workspaceOf(h)).celebrationChannel).toBe("C0OURS");
  });

  it("GIVEN a channel to check THEN the platform is asked outside any transaction, so none is held open on it", async () => {
    let inTransaction = false;
    const during: boolean[] = [];
    const h = createHarness({
      wrapStore: (store: Store): Store => ({
        ...store,
        async inWorkspaceAs(id, member, options, work) {
          inTransaction = true;
          try {
            return await store.inWorkspaceAs(id, member, options, work);
          } finally {
            inTransaction = false;
          }
        },
      }),
      place: {
        channelVerdict: async () => {
          during.push(inTransaction);
          return "here";
        },
      },
    });
    expect((await h.run("admin channel <#C0OURS|wins>", ADMIN)).code).toBe("workspace-setting-changed");
    expect(during).toEqual([false]);
    expect((await workspaceOf(h)).celebrationChannel).toBe("C0OURS");
  });

  it("GIVEN another setting THEN no channel is looked up", async () => {
    const { h, asked } = withChannels("elsewhere");
    expect((await h.run("admin weekly off", ADMIN)).code).toBe("workspace-setting-changed");
    expect(asked).toEqual([]);
  });
});

describe("a DM never revives a workspace scheduled for deletion", () => {
  const fromDm = () => createHarness({ place: { direct: true } });

  it("GIVEN the app was removed WHEN a member presses an old DM button THEN they hear it was removed and nothing changes", async () => {
    const h = fromDm();
    // Said in the workspace itself, where activity does count.
    await h.bot.handleText(TEAM, ADA, "apply Acme");
    const workspace = await workspaceOf(h);
    await h.store.scheduleWorkspaceDeletion(workspace.id, LATER);
    const outcome = await h.run("offer Acme");
    expect(outcome).toMatchObject({ kind: "refused", code: "workspace-removed", changed: false });
    expect(outcome.message.text).toMatch(/removed/);
    expect((await workspaceOf(h)).deletionScheduledAt).toEqual(LATER);
    expect((await h.rows(ADA)).applications.map((application) => application.status)).toEqual(["ACTIVE"]);
  });

  it("GIVEN the app was removed WHEN a newcomer's DM command arrives THEN no member is enrolled", async () => {
    const h = fromDm();
    await h.setCelebrationChannel(null);
    await h.store.scheduleWorkspaceDeletion((await workspaceOf(h)).id, LATER);
    expect((await h.run("apply Acme")).code).toBe("workspace-removed");
    expect((await h.snapshot([ADA]))?.members[ADA.externalId]).toBeNull();
    expect((await workspaceOf(h)).deletionScheduledAt).toEqual(LATER);
  });

  it("GIVEN the workspace is in use WHEN a DM button is pressed THEN it works as anywhere", async () => {
    const h = fromDm();
    expect((await h.run("apply Acme")).code).toBe("application-created");
  });
});
