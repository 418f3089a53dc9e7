/** Store contract, part five: a member's unit of work, opened with the workspace, the member and their failure state. */
import { expect, it } from "vitest";
import { type NewOutboxMessage, type Store, WorkspaceNotFoundError } from "../../src/core/ports.ts";
import { channelMessage, directMessage, givenMember, givenWorkspace, T0 } from "../support/store-fixtures.ts";

const LEASE_MS = 60_000;

export function describeOpening(store: () => Store): void {
  const openingOf = (workspaceId: string, externalId: string) =>
    store().inWorkspaceAs(workspaceId, externalId, async (_repo, opening) => opening);

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
    const attempt = store().inWorkspaceAs("no-such-workspace", "U-ADA", async () => {
      ran = true;
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
      }),
    ]);
    await store().scheduleWorkspaceDeletion(workspace.id, T0);

    const opening = await openingOf(workspace.id, "U-ADA");
    expect(opening).toEqual({
      workspace: { ...updatedWorkspace, deletionScheduledAt: T0 },
      member,
      hasUntoldFailures: false,
    });
    expect(await store().inWorkspaceAs(workspace.id, "U-ADA", (repo) => repo.getWorkspace())).toEqual(
      opening.workspace,
    );
  });

  it("GIVEN a platform id known only in another workspace THEN the opening has no member", async () => {
    const mine = await givenWorkspace(store(), "T-MINE");
    const theirs = await givenWorkspace(store(), "T-THEIRS");
    await givenMember(store(), theirs.id, "U-ADA");
    expect(await openingOf(mine.id, "U-ADA")).toEqual({
      workspace: await store().inWorkspace(mine.id, (repo) => repo.getWorkspace()),
      member: null,
      hasUntoldFailures: false,
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

  it("GIVEN a member with a pipeline WHEN their work only reads, without a transaction THEN it sees what a transaction would", async () => {
    const workspace = await givenWorkspace(store());
    const ada = await givenMember(store(), workspace.id, "U-ADA");
    await given(workspace.id, [directMessage(ada.id, "ada-dm")], () => "FAILED");
    const read = (open: "inWorkspaceAs" | "readWorkspaceAs") =>
      store()[open](workspace.id, "U-ADA", async (repo, opening) => ({
        opening,
        outbox: await repo.listOutbox(ada.id),
        untold: await repo.listUntoldFailures(ada.id),
      }));
    const plain = await read("readWorkspaceAs");
    expect(plain).toEqual(await read("inWorkspaceAs"));
    expect(plain.opening).toMatchObject({ member: ada, hasUntoldFailures: true });
    expect(plain.untold.map((message) => message.dedupeKey)).toEqual(["ada-dm"]);
    await expect(store().readWorkspaceAs("no-such-workspace", "U-ADA", async () => "ran")).rejects.toBeInstanceOf(
      WorkspaceNotFoundError,
    );
  });

  it("GIVEN an opened member's work THEN it writes and rolls back like any unit of work, and sees only its workspace", async () => {
    const workspace = await givenWorkspace(store());
    const other = await givenWorkspace(store(), "T-OTHER");
    const stranger = await givenMember(store(), other.id, "U-STRANGER");
    const ada = await givenMember(store(), workspace.id, "U-ADA");
    const queued = await store().inWorkspaceAs(workspace.id, "U-ADA", async (repo, { member }) =>
      repo.enqueue(directMessage(member?.id ?? "", "kept")),
    );
    expect(queued).toBe(true);
    const failure = new Error("interrupted");
    const attempt = store().inWorkspaceAs(workspace.id, "U-ADA", async (repo, { member }) => {
      await repo.updateMember(member?.id ?? "", { displayName: "Renamed" });
      throw failure;
    });
    await expect(attempt).rejects.toBe(failure);
    expect((await openingOf(workspace.id, "U-ADA")).member).toEqual(ada);
    await expect(
      store().inWorkspaceAs(workspace.id, "U-ADA", (repo) => repo.enqueue(directMessage(stranger.id, "sneaky"))),
    ).rejects.toThrow(/not found/);
    const outbox = await store().inWorkspace(workspace.id, (repo) => repo.listOutbox(ada.id));
    expect(outbox.map((message) => message.dedupeKey)).toEqual(["kept"]);
  });
}
