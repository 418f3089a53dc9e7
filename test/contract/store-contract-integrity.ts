/** Store contract, part three: transactions, workspace isolation and cascading deletes. */
import { expect, it } from "vitest";
import type { Store, WorkspaceRepo } from "../../src/core/ports.ts";
import {
  channelMessage,
  directMessage,
  givenMember,
  givenPipeline,
  givenWorkspace,
  minutesAfter,
  newApplication,
  type SeededPipeline,
  T0,
} from "../support/store-fixtures.ts";

const NOT_FOUND = /not found/;

type Work = (repo: WorkspaceRepo) => Promise<unknown>;

export function describeIntegrity(store: () => Store): void {
  /** Everything the repository can list about a member, to compare before and after. */
  function snapshotOf(workspaceId: string, seeded: SeededPipeline) {
    return store().inWorkspace(workspaceId, async (repo) => ({
      member: await repo.findMember(seeded.member.externalId),
      applications: await repo.listApplications(seeded.member.id),
      rounds: await repo.listRounds([seeded.applicationId]),
      feedback: await repo.listFeedback([seeded.applicationId]),
      reflections: await repo.listReflections(seeded.member.id),
      gaps: await repo.listGaps(seeded.member.id),
      outbox: await repo.listOutbox(seeded.member.id),
    }));
  }

  it("GIVEN work that throws WHEN it ran in a workspace THEN nothing it wrote remains", async () => {
    const workspace = await givenWorkspace(store());
    const member = await givenMember(store(), workspace.id, "U-ADA");
    const failure = new Error("interrupted");

    const attempt = store().inWorkspace(workspace.id, async (repo) => {
      await repo.ensureMember({ externalId: "U-NEW", displayName: "New" });
      await repo.updateMember(member.id, { displayName: "Renamed" });
      await repo.updateWorkspace({ name: "Renamed team" });
      const application = await repo.createApplication(newApplication(member.id, "Acme"));
      await repo.createRound({ applicationId: application.id, stage: "SCREEN", scheduledAt: null, heldAt: null });
      await repo.createGap({ memberId: member.id, applicationId: null, topic: "SQL" });
      await repo.enqueue(directMessage(member.id, "rolled-back"));
      await repo.enqueue(channelMessage("rolled-back-channel"));
      throw failure;
    });

    await expect(attempt).rejects.toBe(failure);
    const after = await store().inWorkspace(workspace.id, async (repo) => ({
      newcomer: await repo.findMember("U-NEW"),
      member: await repo.findMember("U-ADA"),
      workspace: await repo.getWorkspace(),
      applications: await repo.listApplications(member.id),
      gaps: await repo.listGaps(member.id),
      outbox: await repo.listOutbox(member.id),
    }));
    expect(after).toEqual({ newcomer: null, member, workspace, applications: [], gaps: [], outbox: [] });
    expect(await store().outbox.claimDue(minutesAfter(T0, 1), 10, 60_000)).toEqual([]);
  });

  it("GIVEN work that succeeds THEN its result is returned and its writes are kept", async () => {
    const workspace = await givenWorkspace(store());
    const result = await store().inWorkspace(workspace.id, async (repo) => {
      const member = await repo.ensureMember({ externalId: "U-ADA", displayName: "Ada" });
      return { answer: 42, member };
    });
    expect(result.answer).toBe(42);
    expect(await givenMember(store(), workspace.id, "U-ADA")).toEqual(result.member);
  });

  it("GIVEN two workspaces THEN one's repository cannot see or change the other's rows", async () => {
    const a = await givenWorkspace(store(), "T-A");
    const b = await givenWorkspace(store(), "T-B");
    const seeded = await givenPipeline(store(), a.id, "U-ADA");
    const failureId = await store().inWorkspace(a.id, async (repo) => {
      await repo.enqueue(directMessage(seeded.member.id, "will-fail"));
      return (await repo.listOutbox(seeded.member.id)).find((message) => message.dedupeKey === "will-fail")?.id ?? "";
    });
    const before = await snapshotOf(a.id, seeded);
    const inB = (work: Work) => store().inWorkspace(b.id, work);
    const { member, applicationId, roundId, gapId } = seeded;

    await inB(async (repo) => {
      expect(repo.workspaceId).toBe(b.id);
      expect(await repo.findMember(member.externalId)).toBeNull();
      expect(await repo.listApplications(member.id)).toEqual([]);
      expect(await repo.listRounds([applicationId])).toEqual([]);
      expect(await repo.listFeedback([applicationId])).toEqual([]);
      expect(await repo.listReflections(member.id)).toEqual([]);
      expect(await repo.listGaps(member.id)).toEqual([]);
      expect(await repo.listOutbox(member.id)).toEqual([]);
      expect(await repo.listUntoldFailures(member.id)).toEqual([]);
    });
    const refusals: [string, Work][] = [
      ["updateMember", (repo) => repo.updateMember(member.id, { displayName: "Mallory" })],
      ["deleteMember", (repo) => repo.deleteMember(member.id)],
      ["createApplication", (repo) => repo.createApplication(newApplication(member.id, "Evil Corp"))],
      ["updateApplication", (repo) => repo.updateApplication(applicationId, { status: "WITHDRAWN" })],
      ["createRound", (repo) => repo.createRound({ applicationId, stage: null, scheduledAt: null, heldAt: null })],
      ["updateRound", (repo) => repo.updateRound(roundId, { outcome: "REJECTED" })],
      ["upsertFeedback", (repo) => repo.upsertFeedback(applicationId, { state: "GAVE_UP" })],
      [
        "createReflection",
        (repo) =>
          repo.createReflection({
            memberId: member.id,
            applicationId: null,
            roundId: null,
            personMet: null,
            learned: "x",
          }),
      ],
      ["createGap", (repo) => repo.createGap({ memberId: member.id, applicationId: null, topic: "x" })],
      ["updateGap", (repo) => repo.updateGap(gapId, { status: "DONE", updatedAt: T0 })],
      ["enqueue", (repo) => repo.enqueue(directMessage(member.id, "sneaky"))],
      ["markFailuresTold", (repo) => repo.markFailuresTold([failureId], T0)],
    ];
    for (const [method, work] of refusals) {
      await expect(inB(work), method).rejects.toThrow(NOT_FOUND);
    }
    expect(await snapshotOf(a.id, seeded)).toEqual(before);
  });

  it("GIVEN a member's own rows WHEN they point at another member's application or round THEN it is refused", async () => {
    const workspace = await givenWorkspace(store());
    const bob = await givenPipeline(store(), workspace.id, "U-BOB");
    const ada = await givenMember(store(), workspace.id, "U-ADA");

    await expect(
      store().inWorkspace(workspace.id, (repo) =>
        repo.createReflection({
          memberId: ada.id,
          applicationId: bob.applicationId,
          roundId: null,
          personMet: null,
          learned: null,
        }),
      ),
    ).rejects.toThrow(NOT_FOUND);
    await expect(
      store().inWorkspace(workspace.id, (repo) =>
        repo.createReflection({
          memberId: ada.id,
          applicationId: null,
          roundId: bob.roundId,
          personMet: null,
          learned: null,
        }),
      ),
    ).rejects.toThrow(NOT_FOUND);
    await expect(
      store().inWorkspace(workspace.id, (repo) =>
        repo.createGap({ memberId: ada.id, applicationId: bob.applicationId, topic: "x" }),
      ),
    ).rejects.toThrow(NOT_FOUND);
  });

  it("GIVEN another member's rows already read in this transaction WHEN a member's own rows point at them THEN it is still refused", async () => {
    const workspace = await givenWorkspace(store());
    const bob = await givenPipeline(store(), workspace.id, "U-BOB");
    const ada = await givenMember(store(), workspace.id, "U-ADA");
    const pointAtBob = (repo: WorkspaceRepo) => [
      () =>
        repo.createReflection({
          memberId: ada.id,
          applicationId: bob.applicationId,
          roundId: null,
          personMet: null,
          learned: null,
        }),
      () =>
        repo.createReflection({
          memberId: ada.id,
          applicationId: null,
          roundId: bob.roundId,
          personMet: null,
          learned: null,
        }),
      () => repo.createGap({ memberId: ada.id, applicationId: bob.applicationId, topic: "x" }),
    ];
    for (let index = 0; index < 3; index += 1) {
      const attempt = store().inWorkspace(workspace.id, async (repo) => {
        await repo.findMember("U-ADA");
        const applications = await repo.listApplications(bob.member.id);
        await repo.listRounds(applications.map((application) => application.id));
        return (pointAtBob(repo)[index] as () => Promise<unknown>)();
      });
      await expect(attempt, `attempt ${index}`).rejects.toThrow(NOT_FOUND);
    }
  });

  it("GIVEN a member deleted earlier in this transaction WHEN their rows are named again THEN they are not found", async () => {
    const workspace = await givenWorkspace(store());
    const ada = await givenPipeline(store(), workspace.id, "U-ADA");
    const attempts: [string, Work][] = [
      ["createApplication", (repo) => repo.createApplication(newApplication(ada.member.id, "Globex"))],
      [
        "createRound",
        (repo) => repo.createRound({ applicationId: ada.applicationId, stage: null, scheduledAt: null, heldAt: null }),
      ],
      ["enqueue", (repo) => repo.enqueue(directMessage(ada.member.id, "after-forget"))],
    ];
    for (const [method, work] of attempts) {
      const attempt = store().inWorkspace(workspace.id, async (repo) => {
        const member = await repo.findMember("U-ADA");
        await repo.listRounds((await repo.listApplications(member?.id ?? "")).map((application) => application.id));
        await repo.deleteMember(ada.member.id);
        return work(repo);
      });
      await expect(attempt, method).rejects.toThrow(NOT_FOUND);
    }
  });

  it("GIVEN two members WHEN one is deleted THEN every row of theirs goes and the other's stay", async () => {
    const workspace = await givenWorkspace(store());
    const ada = await givenPipeline(store(), workspace.id, "U-ADA");
    const bob = await givenPipeline(store(), workspace.id, "U-BOB");
    await store().inWorkspace(workspace.id, (repo) => repo.enqueue(channelMessage("team-news")));
    const bobBefore = await snapshotOf(workspace.id, bob);

    await store().inWorkspace(workspace.id, (repo) => repo.deleteMember(ada.member.id));

    expect(await snapshotOf(workspace.id, ada)).toEqual({
      member: null,
      applications: [],
      rounds: [],
      feedback: [],
      reflections: [],
      gaps: [],
      outbox: [],
    });
    expect(await snapshotOf(workspace.id, bob)).toEqual(bobBefore);
    const claimed = await store().outbox.claimDue(minutesAfter(T0, 1), 10, 60_000);
    expect(claimed.map((message) => message.dedupeKey).sort()).toEqual(["pipeline-U-BOB", "team-news"]);
    await expect(store().inWorkspace(workspace.id, (repo) => repo.deleteMember(ada.member.id))).rejects.toThrow(
      NOT_FOUND,
    );
  });

  it("GIVEN two workspaces WHEN one is deleted THEN everything in it goes and the other stays", async () => {
    const doomed = await givenWorkspace(store(), "T-DOOMED");
    const kept = await givenWorkspace(store(), "T-KEPT");
    await givenPipeline(store(), doomed.id, "U-ADA");
    await store().inWorkspace(doomed.id, (repo) => repo.enqueue(channelMessage("doomed-news")));
    const survivor = await givenPipeline(store(), kept.id, "U-ADA");
    const survivorBefore = await snapshotOf(kept.id, survivor);

    await store().deleteWorkspace(doomed.id);

    expect(await store().findWorkspace("SLACK", "T-DOOMED")).toBeNull();
    await expect(store().inWorkspace(doomed.id, (repo) => repo.getWorkspace())).rejects.toThrow(NOT_FOUND);
    expect(await snapshotOf(kept.id, survivor)).toEqual(survivorBefore);
    const claimed = await store().outbox.claimDue(minutesAfter(T0, 1), 10, 60_000);
    expect(claimed.map((message) => message.workspaceId)).toEqual([kept.id]);
    await expect(store().deleteWorkspace(doomed.id)).resolves.toBeUndefined();

    const reborn = await givenWorkspace(store(), "T-DOOMED");
    expect(reborn.id).not.toBe(doomed.id);
  });
}
