/** Which replies report a change: platforms republish a home screen only after commands that changed what it shows. */
import { describe, expect, it } from "vitest";
import { ReadOnlyWriteError } from "../../src/core/ports.ts";
import { ADA, BEN, createHarness, type Harness, TEAM } from "../support/core-harness.ts";

async function changes(h: Harness, line: string, user = ADA): Promise<boolean> {
  return (await h.run(line, user)).changed;
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
      const outcome = await h.run(line);
      expect(outcome.kind, line).toBe("done");
      expect(outcome.changed, line).toBe(false);
    }
  });

  it("GIVEN a repository for work that only reads WHEN something writes through it THEN it throws and nothing is written", async () => {
    const h = createHarness();
    await h.say("apply Acme");
    const before = await h.rows();
    const workspace = await h.store.ensureWorkspace(TEAM);
    const attempt = h.store.inWorkspaceAs(
      workspace.id,
      ADA.externalId,
      { readOnly: true },
      async (repo, { member }) => ({
        commit: true,
        value: await repo.createGap({ memberId: member?.id ?? "", applicationId: null, topic: "SQL" }),
      }),
    );
    await expect(attempt).rejects.toBeInstanceOf(ReadOnlyWriteError);
    expect(await h.rows()).toEqual(before);
  });

  it("GIVEN every command declared to only read WHEN run over a varied history THEN none of them apologises", async () => {
    const h = createHarness();
    await h.sayAll(["apply Acme", "round acme technical", "invited acme onsite", "gap sql", "met acme Dana"]);
    for (const command of h.bot.commands.filter((candidate) => candidate.readsOnly)) {
      const line = command.args.some((arg) => arg.required) ? `${command.name} acme` : command.name;
      expect((await h.run(line)).code, line).not.toBe("internal-error");
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
    const outcome = await h.run("pipeline");
    expect(outcome.message.text).toMatch(/^Heads-up/);
    expect(outcome).toMatchObject({ code: "pipeline-shown", changed: false });
  });
});
