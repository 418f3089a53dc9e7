/** Workspace isolation: same user ids and company names in two workspaces, and nothing crosses between them. */
import { beforeEach, describe, expect, it } from "vitest";
import { stageLabel } from "../../src/core/commands/stages.ts";
import type { WorkspaceIdentity } from "../../src/core/ports.ts";
import { ADA, createHarness, type Harness } from "../support/core-harness.ts";

/** Two Slack teams and a Discord guild that happens to share team A's external id. */
const TEAM_A: WorkspaceIdentity = { platform: "SLACK", externalId: "T-SHARED", name: "Bootcamp A" };
const TEAM_B: WorkspaceIdentity = { platform: "SLACK", externalId: "T-OTHER", name: "Bootcamp B" };
const GUILD: WorkspaceIdentity = { platform: "DISCORD", externalId: "T-SHARED", name: "Career server" };

let h: Harness;

beforeEach(async () => {
  h = createHarness();
  await h.setCelebrationChannel("C-A", TEAM_A);
  await h.setSharing("ON", ADA, TEAM_A);
  await h.sayAll(
    [
      'apply "Acme Corp" Frontend',
      "apply Globex",
      "round acme onsite",
      "invited acme final",
      "rejected globex",
      "met acme Alice-from-A",
      "gap a-only-topic",
    ],
    ADA,
    TEAM_A,
  );
  await h.sayAll(["apply Acme Backend", "apply Initech", "gap b-only-topic"], ADA, TEAM_B);
});

function fieldsOf(message: { fields?: { label: string; value: string }[] }): Record<string, string> {
  return Object.fromEntries((message.fields ?? []).map((field) => [field.label, field.value]));
}

describe("workspace isolation", () => {
  it("GIVEN the same user id in two workspaces WHEN each asks for the pipeline THEN each sees only their own applications", async () => {
    const a = await h.say("pipeline", ADA, TEAM_A);
    const b = await h.say("pipeline", ADA, TEAM_B);
    expect(a.items).toEqual([`Acme Corp (Frontend): invited to the ${stageLabel("FINAL")}`, "Globex: rejected"]);
    expect(b.items).toEqual(["Acme (Backend): applied, waiting to hear", "Initech: applied, waiting to hear"]);
  });

  it("GIVEN two workspaces WHEN each asks for stats THEN the counts are their own", async () => {
    expect(fieldsOf(await h.say("stats", ADA, TEAM_A))).toMatchObject({
      Applications: "2",
      "Rounds held": "1",
      "Invitations to a next step": "1",
      "People met": "1",
      "Gaps closed": "0 of 1",
    });
    expect(fieldsOf(await h.say("stats", ADA, TEAM_B))).toMatchObject({
      Applications: "2",
      "Rounds held": "0",
      "Invitations to a next step": "0",
      "People met": "0",
      "Gaps closed": "0 of 1",
    });
  });

  it("GIVEN gaps in both WHEN each lists gaps THEN each sees only its own, both numbered from 1", async () => {
    expect((await h.say("gaps", ADA, TEAM_A)).items).toEqual(["#1 a-only-topic (open)"]);
    expect((await h.say("gaps", ADA, TEAM_B)).items).toEqual(["#1 b-only-topic (open)"]);
  });

  it("GIVEN workspace A's gap #1 WHEN the member in B practises #1 THEN only B's gap moves", async () => {
    await h.say("practiced 1", ADA, TEAM_B);
    expect((await h.rows(ADA, TEAM_A)).gaps[0]?.status).toBe("OPEN");
    expect((await h.rows(ADA, TEAM_B)).gaps[0]?.status).toBe("PRACTICING");
  });

  it("GIVEN two workspaces WHEN each exports THEN neither export mentions the other's rows", async () => {
    const a = (await h.say("export", ADA, TEAM_A)).file?.content ?? "";
    const b = (await h.say("export", ADA, TEAM_B)).file?.content ?? "";
    const rowsA = await h.rows(ADA, TEAM_A);
    const rowsB = await h.rows(ADA, TEAM_B);
    expect(a).toContain("Alice-from-A");
    expect(a).not.toContain("Initech");
    expect(a).not.toContain("b-only-topic");
    expect(b).not.toContain("Globex");
    expect(b).not.toContain("Alice-from-A");
    expect(b).not.toContain("a-only-topic");
    for (const id of [rowsA.member.id, rowsA.member.workspaceId, ...rowsA.applications.map((row) => row.id)]) {
      expect(b).not.toContain(id);
    }
    for (const id of [rowsB.member.id, rowsB.member.workspaceId, ...rowsB.applications.map((row) => row.id)]) {
      expect(a).not.toContain(id);
    }
    expect(JSON.parse(b).messages).toEqual([]);
  });

  it("GIVEN Globex is tracked only in A WHEN the member in B names Globex THEN B is told it isn't tracked and nothing changes anywhere", async () => {
    const beforeA = await h.snapshot([ADA], TEAM_A);
    const beforeB = await h.snapshot([ADA], TEAM_B);
    for (const line of ["asked Globex", "round globex screen", "timeline globex", "offer globex"]) {
      const { code, message: reply } = await h.run(line, ADA, TEAM_B);
      expect(code, line).toBe("company-not-found");
      expect(reply.text, line).not.toContain('Globex"?'); // no "did you mean" pointing at A's company
    }
    expect(await h.snapshot([ADA], TEAM_A)).toEqual(beforeA);
    expect(await h.snapshot([ADA], TEAM_B)).toEqual(beforeB);
  });

  it("GIVEN Acme Corp in A and Acme in B WHEN the member in B says acme THEN B's own Acme is the one changed", async () => {
    await h.say("offer acme", ADA, TEAM_B);
    expect((await h.rows(ADA, TEAM_A)).applications[0]?.status).toBe("ACTIVE");
    expect((await h.rows(ADA, TEAM_B)).applications[0]?.status).toBe("OFFER");
  });

  it("GIVEN a Discord guild with the same external id as Slack team A WHEN its member speaks THEN it is a separate workspace", async () => {
    const reply = await h.say("pipeline", ADA, GUILD);
    expect(reply.text).toContain("Your pipeline is empty");
    const guild = await h.snapshot([ADA], GUILD);
    const teamA = await h.snapshot([ADA], TEAM_A);
    expect(guild?.workspace.id).not.toBe(teamA?.workspace.id);
    expect(guild?.workspace.celebrationChannel).toBeNull();
  });

  it("GIVEN an admin in B WHEN they set the celebration channel THEN A's channel is unchanged", async () => {
    await h.say("admin channel #b-wins", { ...ADA, isAdmin: true }, TEAM_B);
    expect((await h.snapshot([], TEAM_A))?.workspace.celebrationChannel).toBe("C-A");
    expect((await h.snapshot([], TEAM_B))?.workspace.celebrationChannel).toBe("b-wins");
  });

  it("GIVEN a win in B with no channel there WHEN it is logged THEN nothing goes to A's channel", async () => {
    await h.say("share company", ADA, TEAM_B);
    await h.say("invited acme onsite", ADA, TEAM_B);
    const queued = await h.drainOutbox();
    const channelPosts = queued.filter((row) => row.target === "CHANNEL");
    expect(channelPosts.every((row) => row.workspaceExternalId === TEAM_A.externalId)).toBe(true);
    expect(channelPosts.every((row) => row.platform === "SLACK" && row.channel === "C-A")).toBe(true);
    expect(channelPosts).toHaveLength(1);
  });

  it("GIVEN data in both workspaces WHEN the member forgets in A THEN B keeps every row", async () => {
    const beforeB = await h.snapshot([ADA], TEAM_B);
    await h.say("forget confirm", ADA, TEAM_A);
    expect((await h.snapshot([ADA], TEAM_A))?.members[ADA.externalId]).toBeNull();
    expect(await h.snapshot([ADA], TEAM_B)).toEqual(beforeB);
  });

  it("GIVEN queued messages in both WHEN the member forgets in B THEN A's queued messages remain", async () => {
    await h.say("rejected initech", ADA, TEAM_B);
    const outboxA = (await h.rows(ADA, TEAM_A)).outbox;
    expect(outboxA.length).toBeGreaterThan(0);
    await h.say("forget confirm", ADA, TEAM_B);
    expect((await h.rows(ADA, TEAM_A)).outbox).toEqual(outboxA);
    const remaining = await h.drainOutbox();
    expect(remaining.map((row) => row.id).sort()).toEqual(outboxA.map((row) => row.id).sort());
  });
});
