/** Store contract, part eight: the undo journal's row images taken and put back, and a member's changes kept for a day. */
import { expect, it } from "vitest";
import type { Store, WorkspaceRepo } from "../../src/core/ports.ts";
import { type JournalEntry, reviveRow } from "../../src/core/undo/journal.ts";
import {
  channelMessage,
  directMessage,
  givenMember,
  givenWorkspace,
  newApplication,
  T0,
} from "../support/store-fixtures.ts";

export function describeJournal(store: () => Store): void {
  async function given() {
    const workspace = await givenWorkspace(store());
    const member = await givenMember(store(), workspace.id);
    const inIt = <T>(work: (repo: WorkspaceRepo) => Promise<T>) => store().inWorkspace(workspace.id, work);
    return { workspace, member, inIt };
  }

  /** Records the entries as a change and reads them back, as `undo` does: through the stored JSON. */
  async function throughTheJournal(
    inIt: <T>(work: (repo: WorkspaceRepo) => Promise<T>) => Promise<T>,
    memberId: string,
    entries: JournalEntry[],
  ): Promise<JournalEntry[]> {
    await inIt((repo) => repo.recordChange({ memberId, summary: "test", entries, outboxKeys: [] }));
    const [change] = await inIt((repo) => repo.listChanges(memberId, new Date(0)));
    return change?.entries ?? [];
  }

  async function putBack(inIt: <T>(work: (repo: WorkspaceRepo) => Promise<T>) => Promise<T>, entries: JournalEntry[]) {
    await inIt(async (repo) => {
      for (const entry of [...entries].reverse()) {
        await repo.restoreRow(entry.table, entry.id, entry.before && reviveRow(entry.before));
      }
    });
  }

  it("GIVEN an application's image WHEN it is changed and put back through the journal THEN it reads as before", async () => {
    const { member, inIt } = await given();
    const application = await inIt((repo) => repo.createApplication(newApplication(member.id, "Acme")));
    const image = await inIt((repo) => repo.snapshotRow("application", application.id));
    expect(image).not.toBeNull();
    await inIt((repo) =>
      repo.updateApplication(application.id, { status: "OFFER", statusChangedAt: T0, role: "Staff", link: null }),
    );
    const entries = await throughTheJournal(inIt, member.id, [
      { table: "application", id: application.id, before: image },
    ]);
    await putBack(inIt, entries);
    expect(await inIt((repo) => repo.listApplications(member.id))).toEqual([application]);
  });

  it("GIVEN rows a change created WHEN put back as null THEN they are deleted with what hangs off them", async () => {
    const { member, inIt } = await given();
    const application = await inIt((repo) => repo.createApplication(newApplication(member.id, "Acme")));
    await inIt((repo) =>
      repo.createRound({ applicationId: application.id, stage: "SCREEN", scheduledAt: null, heldAt: T0 }),
    );
    await putBack(inIt, [{ table: "application", id: application.id, before: null }]);
    expect(await inIt((repo) => repo.listApplications(member.id))).toEqual([]);
    expect(await inIt((repo) => repo.listRounds([application.id]))).toEqual([]);
  });

  it("GIVEN a deleted application WHEN its images go back parent first THEN the application, round, feedback and note return", async () => {
    const { member, inIt } = await given();
    const application = await inIt((repo) => repo.createApplication(newApplication(member.id, "Acme")));
    const round = await inIt((repo) =>
      repo.createRound({ applicationId: application.id, stage: "TECHNICAL", scheduledAt: T0, heldAt: null }),
    );
    const feedback = await inIt((repo) => repo.upsertFeedback(application.id, { state: "ASKED", askedAt: T0 }));
    const note = await inIt((repo) =>
      repo.createNote({ memberId: member.id, applicationId: application.id, text: 'kind recruiter, said "soon"' }),
    );
    const entries: JournalEntry[] = await inIt(async (repo) => [
      { table: "note", id: note.id, before: await repo.snapshotRow("note", note.id) },
      { table: "feedback", id: feedback.id, before: await repo.snapshotRow("feedback", feedback.id) },
      { table: "round", id: round.id, before: await repo.snapshotRow("round", round.id) },
      { table: "application", id: application.id, before: await repo.snapshotRow("application", application.id) },
    ]);
    await inIt((repo) => repo.deleteApplication(application.id));
    await putBack(inIt, await throughTheJournal(inIt, member.id, entries));
    expect(await inIt((repo) => repo.listApplications(member.id))).toEqual([application]);
    expect(await inIt((repo) => repo.listRounds([application.id]))).toEqual([round]);
    expect(await inIt((repo) => repo.listFeedback([application.id]))).toEqual([feedback]);
    expect(await inIt((repo) => repo.listNotes(member.id))).toEqual([note]);
  });

  it("GIVEN a cancelled outbox row's image WHEN put back THEN the message waits again as it was", async () => {
    const { member, inIt } = await given();
    await inIt((repo) => repo.enqueue(directMessage(member.id, "encouragement:app-1")));
    const [queued] = await inIt((repo) => repo.listOutbox(member.id));
    if (!queued) throw new Error("nothing queued");
    await inIt((repo) => repo.cancelPendingMessages(member.id, { about: ["app-1"] }));
    expect(await inIt((repo) => repo.listOutbox(member.id))).toEqual([]);
    await putBack(
      inIt,
      await throughTheJournal(inIt, member.id, [{ table: "outbox", id: queued.id, before: { ...queued } }]),
    );
    expect(await inIt((repo) => repo.listOutbox(member.id))).toEqual([queued]);
  });

  it("GIVEN a posted celebration taken back WHEN the same win is queued again THEN it is queued: the key was freed", async () => {
    const { workspace, member, inIt } = await given();
    const post = { ...channelMessage("celebration:offer:app-1"), kind: "celebration", memberId: member.id };
    await inIt((repo) => repo.enqueue(post));
    const [claimed] = await store().outbox.claimDue(T0, 10, 60_000);
    await store().outbox.markSent(claimed?.id ?? "", T0, "ts-1");
    expect(await inIt((repo) => repo.enqueue(post))).toBe(false);
    await inIt((repo) => repo.takeBackOutbox([claimed?.id ?? ""], T0));
    expect(await inIt((repo) => repo.enqueue(post))).toBe(true);
    // Taking it back twice leaves one mark, and one retraction.
    await inIt((repo) => repo.takeBackOutbox([claimed?.id ?? ""], T0));
    const rows = await store().inWorkspace(workspace.id, (repo) => repo.listOutbox(member.id));
    expect(rows.map((row) => row.dedupeKey).sort()).toEqual([
      "celebration:offer:app-1",
      `celebration:offer:app-1#taken-back:${claimed?.id}`,
    ]);
  });

  it("GIVEN changes WHEN listed THEN newest first, only the member's, and an undone one carries when", async () => {
    const { workspace, member, inIt } = await given();
    const ben = await givenMember(store(), workspace.id, "U-BEN");
    const first = await inIt((repo) =>
      repo.recordChange({ memberId: member.id, summary: "apply Acme", entries: [], outboxKeys: ["k:1"] }),
    );
    const second = await inIt((repo) =>
      repo.recordChange({ memberId: member.id, summary: "offer Acme", entries: [], outboxKeys: [] }),
    );
    await inIt((repo) => repo.recordChange({ memberId: ben.id, summary: "apply Globex", entries: [], outboxKeys: [] }));
    await inIt((repo) => repo.markChangeUndone(second.id, T0));
    const listed = await inIt((repo) => repo.listChanges(member.id, new Date(0)));
    expect(listed.map((change) => [change.summary, change.undoneAt])).toEqual([
      ["offer Acme", T0],
      ["apply Acme", null],
    ]);
    expect(listed[1]).toEqual(first);
    expect(await inIt((repo) => repo.listChanges(member.id, new Date(Date.now() + 60_000)))).toEqual([]);
  });

  it("GIVEN another workspace WHEN it names this one's change or row THEN it is not found and nothing moves", async () => {
    const { member, inIt } = await given();
    const application = await inIt((repo) => repo.createApplication(newApplication(member.id, "Acme")));
    const change = await inIt((repo) =>
      repo.recordChange({ memberId: member.id, summary: "apply Acme", entries: [], outboxKeys: [] }),
    );
    const other = await givenWorkspace(store(), "T-OTHER");
    await store().inWorkspace(other.id, async (repo) => {
      expect(await repo.snapshotRow("application", application.id)).toBeNull();
      await repo.restoreRow("application", application.id, null);
      await expect(repo.markChangeUndone(change.id, T0)).rejects.toThrow(/not found/);
    });
    expect(await inIt((repo) => repo.listApplications(member.id))).toEqual([application]);
  });

  it("GIVEN a forgotten member THEN their changes are gone with them", async () => {
    const { workspace, member, inIt } = await given();
    await inIt((repo) =>
      repo.recordChange({ memberId: member.id, summary: "apply Acme", entries: [], outboxKeys: [] }),
    );
    await inIt((repo) => repo.deleteMember(member.id));
    const again = await givenMember(store(), workspace.id);
    expect(await inIt((repo) => repo.listChanges(member.id, new Date(0)))).toEqual([]);
    expect(await inIt((repo) => repo.listChanges(again.id, new Date(0)))).toEqual([]);
  });
}
