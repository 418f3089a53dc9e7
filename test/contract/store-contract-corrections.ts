/** Store contract, part six: corrections without forget (renames, deleting applications and rounds, notes, cancelling queued messages). */
import { expect, it } from "vitest";
import type { NewOutboxMessage, Store, WorkspaceRepo } from "../../src/core/ports.ts";
import {
  directMessage,
  givenMember,
  givenPipeline,
  givenWorkspace,
  minutesAfter,
  newApplication,
  T0,
} from "../support/store-fixtures.ts";

const LEASE_MS = 60_000;

export function describeCorrections(store: () => Store): void {
  async function givenAda() {
    const workspace = await givenWorkspace(store());
    const seeded = await givenPipeline(store(), workspace.id, "U-ADA");
    const inWorkspace = <T>(work: (repo: WorkspaceRepo) => Promise<T>) => store().inWorkspace(workspace.id, work);
    return { workspace, ...seeded, inWorkspace };
  }
  const message = (memberId: string, dedupeKey: string, kind = "prep"): NewOutboxMessage => ({
    ...directMessage(memberId, dedupeKey),
    kind,
  });

  it("GIVEN an application WHEN renamed, re-sourced and backdated THEN the key follows the name and the patch round-trips", async () => {
    const { member, applicationId, inWorkspace } = await givenAda();
    const earlier = minutesAfter(T0, -7 * 24 * 60);
    const updated = await inWorkspace((repo) =>
      repo.updateApplication(applicationId, { company: " Globex  Corp ", source: "a meetup", appliedAt: earlier }),
    );
    expect(updated).toMatchObject({ company: " Globex  Corp ", companyKey: "globex corp", source: "a meetup" });
    expect(updated.appliedAt).toEqual(earlier);
    expect(await inWorkspace((repo) => repo.listApplications(member.id))).toEqual([updated]);
  });

  it("GIVEN a new application with a source THEN it is kept, and one without has none", async () => {
    const { member, inWorkspace } = await givenAda();
    const [withSource, without] = await inWorkspace(async (repo) => [
      await repo.createApplication({ ...newApplication(member.id, "Acme"), source: "LinkedIn" }),
      await repo.createApplication(newApplication(member.id, "Initech")),
    ]);
    expect(withSource?.source).toBe("LinkedIn");
    expect(without?.source).toBeNull();
  });

  it("GIVEN an application with everything WHEN deleted THEN its rounds, feedback and notes go; reflections and gaps stay unlinked", async () => {
    const { member, applicationId, gapId, inWorkspace } = await givenAda();
    const other = await inWorkspace(async (repo) => {
      await repo.createNote({ memberId: member.id, applicationId, text: "recruiter is Sam" });
      const kept = await repo.createApplication(newApplication(member.id, "Acme"));
      await repo.createNote({ memberId: member.id, applicationId: kept.id, text: "keep me" });
      return kept;
    });

    await inWorkspace((repo) => repo.deleteApplication(applicationId));

    await inWorkspace(async (repo) => {
      expect((await repo.listApplications(member.id)).map((application) => application.id)).toEqual([other.id]);
      expect(await repo.listRounds([applicationId])).toEqual([]);
      expect(await repo.listFeedback([applicationId])).toEqual([]);
      expect((await repo.listNotes(member.id)).map((note) => note.text)).toEqual(["keep me"]);
      expect(await repo.listReflections(member.id)).toMatchObject([
        { personMet: "Hiring manager", applicationId: null, roundId: null },
      ]);
      expect(await repo.listGaps(member.id)).toMatchObject([{ id: gapId, topic: "Caching", applicationId: null }]);
    });
  });

  it("GIVEN a round with a reflection WHEN the round is deleted THEN the reflection keeps its application", async () => {
    const { member, applicationId, roundId, inWorkspace } = await givenAda();
    await inWorkspace((repo) => repo.deleteRound(roundId));
    await inWorkspace(async (repo) => {
      expect(await repo.listRounds([applicationId])).toEqual([]);
      expect(await repo.listReflections(member.id)).toMatchObject([{ applicationId, roundId: null }]);
    });
  });

  it("GIVEN ids of another workspace WHEN deleted there THEN they are not found and nothing is deleted", async () => {
    const { applicationId, roundId, inWorkspace } = await givenAda();
    const elsewhere = await givenWorkspace(store(), "T-ELSEWHERE");
    await expect(store().inWorkspace(elsewhere.id, (repo) => repo.deleteApplication(applicationId))).rejects.toThrow(
      /not found/,
    );
    await expect(store().inWorkspace(elsewhere.id, (repo) => repo.deleteRound(roundId))).rejects.toThrow(/not found/);
    expect(await inWorkspace((repo) => repo.listRounds([applicationId]))).toHaveLength(1);
  });

  it("GIVEN notes in one and several units of work THEN they list oldest first, per member, and another member cannot note on them", async () => {
    const { workspace, member, applicationId, inWorkspace } = await givenAda();
    const ben = await givenMember(store(), workspace.id, "U-BEN");
    await inWorkspace(async (repo) => {
      await repo.createNote({ memberId: member.id, applicationId, text: "first" });
      await repo.createNote({ memberId: member.id, applicationId, text: "second" });
    });
    const third = await inWorkspace((repo) => repo.createNote({ memberId: member.id, applicationId, text: "third" }));
    expect(third).toMatchObject({ workspaceId: workspace.id, memberId: member.id, applicationId, text: "third" });
    expect((await inWorkspace((repo) => repo.listNotes(member.id))).map((note) => note.text)).toEqual([
      "first",
      "second",
      "third",
    ]);
    await expect(
      inWorkspace((repo) => repo.createNote({ memberId: ben.id, applicationId, text: "not mine" })),
    ).rejects.toThrow(/not found/);
    expect(await inWorkspace((repo) => repo.listNotes(ben.id))).toEqual([]);
  });

  it("GIVEN a member with notes WHEN the member is deleted THEN the notes go too", async () => {
    const { member, applicationId, inWorkspace } = await givenAda();
    await inWorkspace((repo) => repo.createNote({ memberId: member.id, applicationId, text: "bye" }));
    await inWorkspace((repo) => repo.deleteMember(member.id));
    expect(await inWorkspace((repo) => repo.listNotes(member.id))).toEqual([]);
  });

  it("GIVEN queued messages WHEN cancelled about ids THEN only pending ones naming an id as a whole key part go", async () => {
    const { workspace, member, inWorkspace } = await givenAda();
    const ben = await givenMember(store(), workspace.id, "U-BEN");
    await inWorkspace(async (repo) => {
      for (const key of ["prep:r1", "reflection:r1", "feedback-chase:a1:1", "check-in:a1:2030-03-04T09:00:00.000Z"]) {
        await repo.enqueue(message(member.id, key));
      }
      // Not about r1 or a1: another id that merely starts or ends alike, another member, and one being sent.
      for (const key of ["prep:r10", "prep:xr1", "sending:r1"]) await repo.enqueue(message(member.id, key));
      await repo.enqueue(message(ben.id, "prep:a1-ben:a1"));
    });
    // One of them is being sent right now: claimed, while every other row goes back to the queue.
    const claimed = await store().outbox.claimDue(T0, 20, LEASE_MS);
    await store().outbox.release(claimed.filter((row) => row.dedupeKey !== "sending:r1").map((row) => row.id));

    const cancelled = await inWorkspace((repo) => repo.cancelPendingMessages(member.id, { about: ["r1", "a1"] }));

    expect(cancelled).toBe(4);
    const left = await inWorkspace((repo) => repo.listOutbox(member.id));
    expect(left.map((row) => row.dedupeKey).sort()).toEqual(["pipeline-U-ADA", "prep:r10", "prep:xr1", "sending:r1"]);
    expect(left.find((row) => row.dedupeKey === "sending:r1")?.status).toBe("SENDING");
    expect(await inWorkspace((repo) => repo.listOutbox(ben.id))).toHaveLength(1);
  });

  it("GIVEN queued messages of several kinds WHEN cancelled for some kinds THEN only those go", async () => {
    const { member, inWorkspace } = await givenAda();
    await inWorkspace(async (repo) => {
      await repo.enqueue(message(member.id, "prep:r1", "prep"));
      await repo.enqueue(message(member.id, "reflection:r1", "reflection"));
      await repo.enqueue(message(member.id, "celebration:invitation:r1", "celebration"));
    });
    const cancelled = await inWorkspace((repo) =>
      repo.cancelPendingMessages(member.id, { about: ["r1"], kinds: ["prep", "reflection"] }),
    );
    expect(cancelled).toBe(2);
    const left = await inWorkspace((repo) => repo.listOutbox(member.id));
    expect(left.map((row) => row.dedupeKey)).toEqual(["pipeline-U-ADA", "celebration:invitation:r1"]);
    expect(await inWorkspace((repo) => repo.cancelPendingMessages(member.id, { about: [] }))).toBe(0);
  });
}
