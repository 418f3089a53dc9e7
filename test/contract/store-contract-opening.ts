/** Store contract, part five: a member's unit of work, opened with the workspace, the member and their failure state. */
import { expect, it } from "vitest";
import {
  type NewOutboxMessage,
  ReadOnlyWriteError,
  type Store,
  WorkspaceNotFoundError,
  type WorkspaceRepo,
} from "../../src/core/ports.ts";
import {
  channelMessage,
  directMessage,
  givenMember,
  givenWorkspace,
  newApplication,
  T0,
} from "../support/store-fixtures.ts";

const LEASE_MS = 60_000;

export function describeOpening(store: () => Store): void {
  const openingOf = (workspaceId: string, externalId: string) =>
    store().inWorkspaceAs(workspaceId, externalId, { readOnly: false }, async (_repo, opening) => ({
      commit: true,
      value: opening,
    }));

  /** Queues `messages` and fails the ones `failing` picks, as the dispatcher would. */
  async function given(
    workspaceId: string,
    messages: NewOutboxMessage[],
    failing: (message: NewOutboxMessage) => "FAILED" | "DEAD" | "SENT",
  ) {
    await store().inWorkspace(workspaceId, async (repo) => {
      for (const message of messages) await repo.enqueue(message);
    });
    for (const claimed of await store().outbox.claimDue(T0, 100, LEASE_MS)) {
      const message = messages.find((candidate) => candidate.dedupeKey === claimed.dedupeKey);
      const outcome = message ? failing(message) : "SENT";
      if (outcome === "SENT") await store().outbox.markSent(claimed.id, T0);
      else await store().outbox.markFailed(claimed.id, "dm_closed", outcome);
    }
  }

  it("GIVEN no such workspace WHEN a member's work is opened THEN it is refused before the work runs", async () => {
    let ran = false;
    const attempt = store().inWorkspaceAs("no-such-workspace", "U-ADA", { readOnly: false }, async () => {
      ran = true;
      return { commit: true, value: undefined };
    });
    await expect(attempt).rejects.toBeInstanceOf(WorkspaceNotFoundError);
    expect(ran).toBe(false);
  });

  it("GIVEN a workspace and its member with every setting made THEN the opening holds both rows as the repository reads them", async () => {
    const workspace = await givenWorkspace(store());
    const ada = await givenMember(store(), workspace.id, "U-ADA");
    const [updatedWorkspace, member] = await store().inWorkspace(workspace.id, async (repo) => [
      await repo.updateWorkspace({ celebrationChannel: "C-WINS", weeklyDay: 3 }),
      await repo.updateMember(ada.id, {
        timezone: "Asia/Tokyo",
        quietStart: null,
        quietEnd: null,
        sharing: "COMPANY",
        pausedUntil: T0,
        optOuts: ["prep-reminder", "practice-nudge"],
        dateOrder: "DAY_FIRST",
      }),
    ]);
    await store().scheduleWorkspaceDeletion(workspace.id, T0);

    const opening = await openingOf(workspace.id, "U-ADA");
    expect(opening).toEqual({
      workspace: { ...updatedWorkspace, deletionScheduledAt: T0 },
      member,
      hasUntoldFailures: false,
      hasUntoldChannelFailures: false,
    });
    const read = await store().inWorkspaceAs(workspace.id, "U-ADA", { readOnly: false }, async (repo) => ({
      commit: true,
      value: await repo.getWorkspace(),
    }));
    expect(read).toEqual(opening.workspace);
  });

  it("GIVEN a platform id known only in another workspace THEN the opening has no member", async () => {
    const mine = await givenWorkspace(store(), "T-MINE");
    const theirs = await givenWorkspace(store(), "T-THEIRS");
    await givenMember(store(), theirs.id, "U-ADA");
    expect(await openingOf(mine.id, "U-ADA")).toEqual({
      workspace: await store().inWorkspace(mine.id, (repo) => repo.getWorkspace()),
      member: null,
      hasUntoldFailures: false,
      hasUntoldChannelFailures: false,
    });
  });

  it("GIVEN messages that failed for good THEN only an untold direct one to this member counts", async () => {
    const workspace = await givenWorkspace(store());
    const ada = await givenMember(store(), workspace.id, "U-ADA");
    const ben = await givenMember(store(), workspace.id, "U-BEN");
    const post = { ...channelMessage("ada-post"), memberId: ada.id };
    await given(workspace.id, [post, directMessage(ben.id, "ben-dm"), directMessage(ada.id, "ada-sent")], (m) =>
      m.dedupeKey === "ada-sent" ? "SENT" : "FAILED",
    );
    expect((await openingOf(workspace.id, "U-ADA")).hasUntoldFailures).toBe(false);
    expect((await openingOf(workspace.id, "U-BEN")).hasUntoldFailures).toBe(true);

    await given(workspace.id, [directMessage(ada.id, "ada-dead")], () => "DEAD");
    expect((await openingOf(workspace.id, "U-ADA")).hasUntoldFailures).toBe(true);
    await store().inWorkspace(workspace.id, async (repo) => {
      const untold = await repo.listUntoldFailures(ada.id);
      await repo.markFailuresTold(
        untold.map((message) => message.id),
        T0,
      );
    });
    expect((await openingOf(workspace.id, "U-ADA")).hasUntoldFailures).toBe(false);
  });

  it("GIVEN a team-channel post that failed for good THEN every opening in its workspace shows it until it is told, and no other workspace's does", async () => {
    const workspace = await givenWorkspace(store());
    const other = await givenWorkspace(store(), "T-OTHER");
    const ada = await givenMember(store(), workspace.id, "U-ADA");
    await given(workspace.id, [{ ...channelMessage("ada-post"), memberId: ada.id }], () => "FAILED");
    expect((await openingOf(workspace.id, "U-BEN")).hasUntoldChannelFailures).toBe(true);
    expect((await openingOf(workspace.id, "U-ADA")).hasUntoldFailures).toBe(false);
    expect((await openingOf(other.id, "U-BEN")).hasUntoldChannelFailures).toBe(false);
    await store().inWorkspace(workspace.id, async (repo) => {
      const untold = await repo.listUntoldChannelFailures();
      expect(untold.map((message) => message.dedupeKey)).toEqual(["ada-post"]);
      await repo.markFailuresTold(
        untold.map((message) => message.id),
        T0,
      );
    });
    expect((await openingOf(workspace.id, "U-BEN")).hasUntoldChannelFailures).toBe(false);
    expect(await store().inWorkspace(other.id, (repo) => repo.listUntoldChannelFailures())).toEqual([]);
  });

  it("GIVEN a member with a pipeline WHEN their work only reads, without a transaction THEN it sees what a transaction would", async () => {
    const workspace = await givenWorkspace(store());
    const ada = await givenMember(store(), workspace.id, "U-ADA");
    await given(workspace.id, [directMessage(ada.id, "ada-dm")], () => "FAILED");
    const read = (readOnly: boolean) =>
      store().inWorkspaceAs(workspace.id, "U-ADA", { readOnly }, async (repo, opening) => ({
        commit: true,
        value: {
          opening,
          outbox: await repo.listOutbox(ada.id),
          untold: await repo.listUntoldFailures(ada.id),
          written: repo.rowsWritten(),
        },
      }));
    const plain = await read(true);
    expect(plain).toEqual(await read(false));
    expect(plain).toMatchObject({ opening: { member: ada, hasUntoldFailures: true }, written: 0 });
    expect(plain.untold.map((message) => message.dedupeKey)).toEqual(["ada-dm"]);
    const nowhere = store().inWorkspaceAs("no-such-workspace", "U-ADA", { readOnly: true }, async () => ({
      commit: true,
      value: "ran",
    }));
    await expect(nowhere).rejects.toBeInstanceOf(WorkspaceNotFoundError);
  });

  it("GIVEN an opened member's work THEN it writes and rolls back like any unit of work, and sees only its workspace", async () => {
    const workspace = await givenWorkspace(store());
    const other = await givenWorkspace(store(), "T-OTHER");
    const stranger = await givenMember(store(), other.id, "U-STRANGER");
    const ada = await givenMember(store(), workspace.id, "U-ADA");
    const queued = await store().inWorkspaceAs(
      workspace.id,
      "U-ADA",
      { readOnly: false },
      async (repo, { member }) => ({
        commit: true,
        value: await repo.enqueue(directMessage(member?.id ?? "", "kept")),
      }),
    );
    expect(queued).toBe(true);
    const failure = new Error("interrupted");
    const attempt = store().inWorkspaceAs(workspace.id, "U-ADA", { readOnly: false }, async (repo, { member }) => {
      await repo.updateMember(member?.id ?? "", { displayName: "Renamed" });
      throw failure;
    });
    await expect(attempt).rejects.toBe(failure);
    expect((await openingOf(workspace.id, "U-ADA")).member).toEqual(ada);
    const sneaky = store().inWorkspaceAs(workspace.id, "U-ADA", { readOnly: false }, async (repo) => ({
      commit: true,
      value: await repo.enqueue(directMessage(stranger.id, "sneaky")),
    }));
    await expect(sneaky).rejects.toThrow(/not found/);
    const outbox = await store().inWorkspace(workspace.id, (repo) => repo.listOutbox(ada.id));
    expect(outbox.map((message) => message.dedupeKey)).toEqual(["kept"]);
  });

  it("GIVEN a member's work that decides not to commit THEN its value comes back and nothing it wrote remains", async () => {
    const workspace = await givenWorkspace(store());
    const ada = await givenMember(store(), workspace.id, "U-ADA");
    const value = await store().inWorkspaceAs(workspace.id, "U-BEN", { readOnly: false }, async (repo) => {
      const ben = await repo.ensureMember({ externalId: "U-BEN", displayName: "Ben" });
      await repo.updateMember(ada.id, { displayName: "Renamed" });
      await repo.enqueue(directMessage(ada.id, "rolled-back"));
      return { commit: false, value: { ben: ben.displayName, written: repo.rowsWritten() } };
    });
    expect(value).toEqual({ ben: "Ben", written: 3 });
    expect((await openingOf(workspace.id, "U-BEN")).member).toBeNull();
    expect((await openingOf(workspace.id, "U-ADA")).member).toEqual(ada);
    expect(await store().inWorkspace(workspace.id, (repo) => repo.listOutbox(ada.id))).toEqual([]);
  });

  it("GIVEN work opened only to read WHEN it writes THEN the write throws before reaching the store", async () => {
    const workspace = await givenWorkspace(store());
    const ada = await givenMember(store(), workspace.id, "U-ADA");
    const writes: Record<string, (repo: WorkspaceRepo) => Promise<unknown>> = {
      updateWorkspace: (repo) => repo.updateWorkspace({ celebrationChannel: "C-READ" }),
      ensureMember: (repo) => repo.ensureMember({ externalId: "U-NEW", displayName: "New" }),
      updateMember: (repo) => repo.updateMember(ada.id, { displayName: "Renamed" }),
      deleteMember: (repo) => repo.deleteMember(ada.id),
      createApplication: (repo) => repo.createApplication(newApplication(ada.id, "Acme")),
      createReflection: (repo) =>
        repo.createReflection({
          memberId: ada.id,
          applicationId: null,
          roundId: null,
          personMet: "Dana",
          learned: null,
        }),
      createGap: (repo) => repo.createGap({ memberId: ada.id, applicationId: null, topic: "SQL" }),
      enqueue: (repo) => repo.enqueue(directMessage(ada.id, "read-only")),
    };
    for (const [name, write] of Object.entries(writes)) {
      const attempt = store().inWorkspaceAs(workspace.id, "U-ADA", { readOnly: true }, async (repo) => ({
        commit: true,
        value: await write(repo),
      }));
      await expect(attempt, name).rejects.toBeInstanceOf(ReadOnlyWriteError);
    }
    expect(await openingOf(workspace.id, "U-ADA")).toMatchObject({
      member: ada,
      workspace: { celebrationChannel: null },
    });
    expect(await openingOf(workspace.id, "U-NEW")).toMatchObject({ member: null });
    const rows = await store().inWorkspace(workspace.id, async (repo) => ({
      applications: await repo.listApplications(ada.id),
      reflections: await repo.listReflections(ada.id),
      gaps: await repo.listGaps(ada.id),
      outbox: await repo.listOutbox(ada.id),
    }));
    expect(rows).toEqual({ applications: [], reflections: [], gaps: [], outbox: [] });
  });

  it("GIVEN a unit of work THEN it counts the rows its writes touched, and nothing for reads or writes that found nothing to do", async () => {
    const workspace = await givenWorkspace(store());
    const ada = await givenMember(store(), workspace.id, "U-ADA");
    const counts = await store().inWorkspace(workspace.id, async (repo) => {
      const seen: number[] = [];
      const note = () => seen.push(repo.rowsWritten());
      await repo.findMember("U-ADA");
      await repo.listApplications(ada.id);
      note();
      await repo.ensureMember({ externalId: "U-ADA", displayName: "Ada" });
      note();
      const application = await repo.createApplication(newApplication(ada.id, "Acme"));
      note();
      await repo.upsertFeedback(application.id, { state: "ASKED" });
      note();
      await repo.enqueue(directMessage(ada.id, "once"));
      await repo.enqueue(directMessage(ada.id, "once"));
      note();
      await repo.markFailuresTold([], T0);
      note();
      return seen;
    });
    // A feedback request created then patched is two writes, as Postgres counts them; a duplicate message is none.
    expect(counts).toEqual([0, 0, 1, 3, 4, 4]);
  });
}
