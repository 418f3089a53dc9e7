/** Which replies report a change: platforms republish a home screen only after commands that changed what it shows. */
import { describe, expect, it } from "vitest";
import { readOnlyView } from "../../src/core/change-watch.ts";
import { ADA, BEN, createHarness, type Harness, TEAM } from "../support/core-harness.ts";

async function changes(h: Harness, line: string, user = ADA): Promise<boolean> {
  return h.bot.changedData(await h.bot.handleText(TEAM, user, line));
}

describe("changed data", () => {
  it("GIVEN a member with a pipeline WHEN they log steps THEN each write reports a change", async () => {
    const h = createHarness();
    expect(await changes(h, "apply Acme")).toBe(true);
    expect(await changes(h, "round acme technical")).toBe(true);
    expect(await changes(h, "invited acme onsite")).toBe(true);
    expect(await changes(h, "gap system design")).toBe(true);
    expect(await changes(h, "share company")).toBe(true);
    expect(await changes(h, "rejected acme")).toBe(true);
  });

  it("GIVEN a member with a pipeline WHEN they only read THEN no reply reports a change", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "round acme technical", "gap system design"]);
    for (const line of ["pipeline", "stats", "timeline acme", "gaps", "settings", "help", "export"]) {
      const reply = await h.bot.handleText(TEAM, ADA, line);
      expect(reply.text, line).not.toMatch(/Sorry, something went wrong/);
      expect(h.bot.changedData(reply), line).toBe(false);
    }
  });

  it("GIVEN a repository for work that only reads WHEN something writes through it THEN it throws and nothing is written", async () => {
    const h = createHarness();
    await h.say("apply Acme");
    const before = await h.rows();
    const workspace = await h.store.ensureWorkspace(TEAM);
    const attempt = h.store.readWorkspaceAs(workspace.id, ADA.externalId, (repo, { member }) =>
      readOnlyView(repo, "pipeline").createGap({ memberId: member?.id ?? "", applicationId: null, topic: "SQL" }),
    );
    await expect(attempt).rejects.toThrow("pipeline only reads, but called createGap");
    expect(await h.rows()).toEqual(before);
  });

  it("GIVEN every command declared to only read WHEN run over a varied history THEN none of them apologises", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "round acme technical", "invited acme onsite", "gap sql", "met acme Dana"]);
    for (const command of h.bot.commands.filter((candidate) => candidate.readsOnly)) {
      const line = command.args.some((arg) => arg.required) ? `${command.name} acme` : command.name;
      expect((await h.say(line)).text, line).not.toMatch(/Sorry, something went wrong/);
    }
  });

  it("GIVEN a refused or unknown command THEN nothing changed, not even on a first command", async () => {
    const h = createHarness();
    expect(await changes(h, "round nowhere technical")).toBe(false);
    expect(await changes(h, "frobnicate")).toBe(false);
    expect((await h.snapshot([ADA]))?.members[ADA.externalId]).toBeNull();
    await h.say("apply Acme");
    expect(await changes(h, "apply acme")).toBe(false);
    expect(await changes(h, "round acme sometime-never")).toBe(false);
  });

  it("GIVEN a newcomer whose first command is a read THEN enrolling them is a change", async () => {
    const h = createHarness();
    await h.say("apply Acme");
    expect(await changes(h, "pipeline", BEN)).toBe(true);
    expect(await changes(h, "pipeline", BEN)).toBe(false);
  });

  it("GIVEN a failure notice WHEN a read tells it THEN marking it told is not a change", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "offer Acme"]);
    for (const row of await h.drainOutbox()) await h.store.outbox.markFailed(row.id, "slack: dm_closed", "FAILED");
    const reply = await h.bot.handleText(TEAM, ADA, "pipeline");
    expect(reply.text).toMatch(/^Heads-up/);
    expect(h.bot.changedData(reply)).toBe(false);
  });
});
