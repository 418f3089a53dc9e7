/** Store contract, part two: applications, rounds, feedback requests, reflections and gaps. */
import { expect, it } from "vitest";
import type { Store, WorkspaceRepo } from "../../src/core/ports.ts";
import { givenMember, givenWorkspace, minutesAfter, newApplication, T0 } from "../support/store-fixtures.ts";

export function describePipeline(store: () => Store): void {
  async function givenAdaAt(workspaceExternalId = "T-ACME") {
    const workspace = await givenWorkspace(store(), workspaceExternalId);
    const member = await givenMember(store(), workspace.id, "U-ADA");
    const inWorkspace = <T>(work: (repo: WorkspaceRepo) => Promise<T>) => store().inWorkspace(workspace.id, work);
    return { workspace, member, inWorkspace };
  }

  it("GIVEN a new application THEN its key, status and activity dates are derived", async () => {
    const { workspace, member, inWorkspace } = await givenAdaAt();
    const application = await inWorkspace((repo) => repo.createApplication(newApplication(member.id, "  Initech ")));

    expect(application).toMatchObject({
      workspaceId: workspace.id,
      memberId: member.id,
      company: "  Initech ",
      companyKey: "initech",
      role: "Backend engineer",
      link: null,
      status: "ACTIVE",
      appliedAt: T0,
      lastActivityAt: T0,
      statusChangedAt: T0,
      impression: null,
      impressionNotes: null,
    });
    expect(await inWorkspace((repo) => repo.listApplications(member.id))).toEqual([application]);
  });

  it("GIVEN applications made in one and in several units of work THEN they list oldest first", async () => {
    const { member, inWorkspace } = await givenAdaAt();
    const companies = ["Zeta", "Alpha", "Mid"];
    await inWorkspace(async (repo) => {
      for (const company of companies) await repo.createApplication(newApplication(member.id, company));
    });
    await inWorkspace((repo) => repo.createApplication(newApplication(member.id, "Beta")));

    const listed = await inWorkspace((repo) => repo.listApplications(member.id));
    expect(listed.map((application) => application.company)).toEqual([...companies, "Beta"]);
  });

  it("GIVEN an application at a company WHEN the member adds it again in other case THEN it is refused, while another member may track it", async () => {
    const { workspace, member, inWorkspace } = await givenAdaAt();
    const other = await givenMember(store(), workspace.id, "U-BOB");
    await inWorkspace((repo) => repo.createApplication(newApplication(member.id, "Acme")));

    await expect(inWorkspace((repo) => repo.createApplication(newApplication(member.id, " ACME ")))).rejects.toThrow();
    await expect(
      inWorkspace((repo) => repo.createApplication(newApplication(other.id, "acme"))),
    ).resolves.toMatchObject({ memberId: other.id, company: "acme", companyKey: "acme" });
    expect(await inWorkspace((repo) => repo.listApplications(member.id))).toMatchObject([{ company: "Acme" }]);
  });

  it("GIVEN an application at a company WHEN the member adds other roles there THEN each role (no role too) is one application, case aside", async () => {
    const { member, inWorkspace } = await givenAdaAt();
    const at = (role: string | null) => ({ ...newApplication(member.id, "Hooli"), role });
    await inWorkspace(async (repo) => {
      await repo.createApplication(at("Backend"));
      await repo.createApplication(at("Platform Engineer"));
      await repo.createApplication(at(null));
    });
    for (const role of [" BACKEND", null]) {
      await expect(inWorkspace((repo) => repo.createApplication(at(role)))).rejects.toThrow();
    }
    const listed = await inWorkspace((repo) => repo.listApplications(member.id));
    expect(listed.map(({ role, roleKey }) => [role, roleKey])).toEqual([
      ["Backend", "backend"],
      ["Platform Engineer", "platform engineer"],
      [null, ""],
    ]);
  });

  it("GIVEN two roles at a company WHEN one's role is changed THEN its key follows, and changing it to the other's is refused", async () => {
    const { member, inWorkspace } = await givenAdaAt();
    const [backend] = await inWorkspace(async (repo) => [
      await repo.createApplication({ ...newApplication(member.id, "Hooli"), role: "Backend" }),
      await repo.createApplication({ ...newApplication(member.id, "Hooli"), role: "Platform" }),
    ]);
    const id = backend?.id ?? "";
    await expect(inWorkspace((repo) => repo.updateApplication(id, { role: "Data" }))).resolves.toMatchObject({
      role: "Data",
      roleKey: "data",
    });
    await expect(inWorkspace((repo) => repo.updateApplication(id, { role: "platform" }))).rejects.toThrow();
  });

  it("GIVEN a refused duplicate WHEN the work catches it THEN the rest of the unit of work still commits", async () => {
    const { member, inWorkspace } = await givenAdaAt();
    await inWorkspace(async (repo) => {
      await repo.createApplication(newApplication(member.id, "Acme"));
      await expect(repo.createApplication(newApplication(member.id, "acme"))).rejects.toThrow();
      await repo.createApplication(newApplication(member.id, "Beta"));
    });
    const listed = await inWorkspace((repo) => repo.listApplications(member.id));
    expect(listed.map((application) => application.company)).toEqual(["Acme", "Beta"]);
  });

  it("GIVEN an application WHEN updated THEN the patch round-trips", async () => {
    const { member, inWorkspace } = await givenAdaAt();
    const application = await inWorkspace((repo) => repo.createApplication(newApplication(member.id, "Acme")));
    const later = minutesAfter(T0, 90);
    const updated = await inWorkspace((repo) =>
      repo.updateApplication(application.id, {
        status: "OFFER",
        statusChangedAt: later,
        lastActivityAt: later,
        impression: 4,
        impressionNotes: "Kind interviewers",
      }),
    );

    const expected = { ...application, status: "OFFER", statusChangedAt: later, lastActivityAt: later };
    expect(updated).toEqual({ ...expected, impression: 4, impressionNotes: "Kind interviewers" });
    expect(await inWorkspace((repo) => repo.listApplications(member.id))).toEqual([updated]);
  });

  it("GIVEN rounds of two applications THEN they round-trip, default to pending and list oldest first", async () => {
    const { member, inWorkspace } = await givenAdaAt();
    const [acme, beta] = await inWorkspace(async (repo) => [
      await repo.createApplication(newApplication(member.id, "Acme")),
      await repo.createApplication(newApplication(member.id, "Beta")),
    ]);
    const rounds = await inWorkspace(async (repo) => [
      await repo.createRound({ applicationId: acme.id, stage: "SCREEN", scheduledAt: T0, heldAt: null }),
      await repo.createRound({ applicationId: beta.id, stage: null, scheduledAt: null, heldAt: null }),
      await repo.createRound({
        applicationId: acme.id,
        stage: "TECHNICAL",
        scheduledAt: null,
        heldAt: T0,
        outcome: "NEXT_STEP",
        outcomeAt: minutesAfter(T0, 60),
      }),
    ]);

    expect(rounds[0]).toMatchObject({ stage: "SCREEN", scheduledAt: T0, outcome: "PENDING", outcomeAt: null });
    expect(rounds[2]).toMatchObject({ outcome: "NEXT_STEP", outcomeAt: minutesAfter(T0, 60) });
    expect(await inWorkspace((repo) => repo.listRounds([acme.id, beta.id]))).toEqual(rounds);
    expect(await inWorkspace((repo) => repo.listRounds([beta.id]))).toEqual([rounds[1]]);
    expect(await inWorkspace((repo) => repo.listRounds([]))).toEqual([]);

    const held = await inWorkspace((repo) =>
      repo.updateRound(rounds[1]?.id ?? "", { stage: "ONSITE", heldAt: T0, outcome: "REJECTED", outcomeAt: T0 }),
    );
    expect(held).toEqual({ ...rounds[1], stage: "ONSITE", heldAt: T0, outcome: "REJECTED", outcomeAt: T0 });
  });

  it("GIVEN no feedback request WHEN upserted twice THEN it is created once and then patched", async () => {
    const { member, inWorkspace } = await givenAdaAt();
    const application = await inWorkspace((repo) => repo.createApplication(newApplication(member.id, "Acme")));
    const created = await inWorkspace((repo) => repo.upsertFeedback(application.id, { chaseCount: 1 }));
    expect(created).toMatchObject({
      applicationId: application.id,
      state: "NOT_ASKED",
      askedAt: null,
      receivedAt: null,
      feedback: null,
      chaseCount: 1,
      snoozedUntil: null,
    });

    const received = await inWorkspace((repo) =>
      repo.upsertFeedback(application.id, { state: "RECEIVED", receivedAt: T0, feedback: "More depth on SQL" }),
    );
    expect(received).toEqual({ ...created, state: "RECEIVED", receivedAt: T0, feedback: "More depth on SQL" });
    expect(await inWorkspace((repo) => repo.listFeedback([application.id]))).toEqual([received]);
    expect(await inWorkspace((repo) => repo.listFeedback([]))).toEqual([]);
  });

  it("GIVEN reflections THEN they round-trip oldest first, with or without an application", async () => {
    const { member, inWorkspace } = await givenAdaAt();
    const reflections = await inWorkspace(async (repo) => {
      const application = await repo.createApplication(newApplication(member.id, "Acme"));
      const round = await repo.createRound({
        applicationId: application.id,
        stage: null,
        scheduledAt: null,
        heldAt: T0,
      });
      return [
        await repo.createReflection({
          memberId: member.id,
          applicationId: application.id,
          roundId: round.id,
          personMet: "Grace, staff engineer",
          learned: "Ask about on-call",
        }),
        await repo.createReflection({
          memberId: member.id,
          applicationId: null,
          roundId: null,
          personMet: null,
          learned: "Rest on Sundays",
        }),
      ];
    });

    expect(reflections[1]).toMatchObject({ applicationId: null, roundId: null, learned: "Rest on Sundays" });
    expect(await inWorkspace((repo) => repo.listReflections(member.id))).toEqual(reflections);
  });

  it("GIVEN gaps of two members THEN each member's gaps are numbered from one and listed by number", async () => {
    const { workspace, member, inWorkspace } = await givenAdaAt();
    const other = await givenMember(store(), workspace.id, "U-BOB");
    const application = await inWorkspace((repo) => repo.createApplication(newApplication(member.id, "Acme")));
    const first = await inWorkspace((repo) =>
      repo.createGap({ memberId: member.id, applicationId: application.id, topic: "SQL" }),
    );
    const othersFirst = await inWorkspace((repo) =>
      repo.createGap({ memberId: other.id, applicationId: null, topic: "Go" }),
    );
    const second = await inWorkspace((repo) =>
      repo.createGap({ memberId: member.id, applicationId: null, topic: "K8s" }),
    );

    expect(first).toMatchObject({ number: 1, status: "OPEN", topic: "SQL", applicationId: application.id });
    expect(first.updatedAt).toEqual(first.createdAt);
    expect(othersFirst.number).toBe(1);
    expect(second.number).toBe(2);

    const practiced = await inWorkspace((repo) =>
      repo.updateGap(first.id, { status: "DONE", updatedAt: minutesAfter(T0, 5) }),
    );
    expect(practiced).toEqual({ ...first, status: "DONE", updatedAt: minutesAfter(T0, 5) });
    expect(await inWorkspace((repo) => repo.listGaps(member.id))).toEqual([practiced, second]);
  });

  it("GIVEN simultaneous units of work WHEN both add a gap for one member THEN the numbers differ", async () => {
    const { member, inWorkspace } = await givenAdaAt();
    const gaps = await Promise.all(
      ["Caching", "Queues", "Indexes"].map((topic) =>
        inWorkspace((repo) => repo.createGap({ memberId: member.id, applicationId: null, topic })),
      ),
    );
    expect(gaps.map((gap) => gap.number).sort((a, b) => a - b)).toEqual([1, 2, 3]);
  });
}
