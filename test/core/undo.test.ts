/** `undo` takes back a member's changes one by one, up to a day back, with what they queued; celebrations wait out the undo window. */
import { beforeEach, describe, expect, it } from "vitest";
import type { BotMessage } from "../../src/core/model.ts";
import { ADA, ADMIN, BEN, createHarness, type Harness, minutesAfter, T0 } from "../support/core-harness.ts";

let h: Harness;

beforeEach(async () => {
  h = createHarness();
  await h.setCelebrationChannel("C-WINS");
  // Ada chose to share before any of these wins (a first win asks instead: first-win-sharing.test.ts).
  await h.setSharing("ON");
});

function undoLine(message: BotMessage): string {
  const button = message.buttons?.find((candidate) => candidate.actionId === "change.undo");
  if (!button) throw new Error("no Undo button on the reply");
  return button.command;
}

describe("undo takes back the latest change", () => {
  it("GIVEN an application WHEN the member undoes THEN it is gone, and a second undo finds nothing", async () => {
    await h.say("tz Europe/Berlin");
    const before = await h.snapshot();
    await h.say('apply "Acme Corp" Backend');
    const undone = await h.run("undo");
    expect(undone).toMatchObject({ code: "change-undone", changed: true });
    expect(undone.message.text).toContain('Undone: `apply "Acme Corp" Backend`');
    expect(undone.message.text).toContain("`undo` again takes back `tz Europe/Berlin`");
    expect(await h.snapshot()).toEqual(before);
    expect((await h.run("undo")).code).toBe("change-undone");
    expect((await h.run("undo")).code).toBe("nothing-to-undo");
  });

  it("GIVEN an offer WHEN undone THEN status, round, celebration and congratulation are all as before", async () => {
    await h.sayAll(["apply Acme", "round acme screen"]);
    const before = await h.snapshot();
    const offered = await h.say("offer acme");
    expect(offered.buttons?.map((button) => button.label)).toContain("Undo");
    const after = await h.rows();
    expect(after.applications[0]?.status).toBe("OFFER");
    expect(after.outbox.map((row) => row.kind).sort()).toEqual(["celebration", "congratulation"]);
    const undone = await h.say("undo");
    expect(undone.text).toContain("Undone: `offer acme`");
    expect(undone.text).toContain("won't go out");
    expect(await h.snapshot()).toEqual(before);
    expect(await h.drainOutbox()).toEqual([]);
  });

  it("GIVEN a rejection then an ask WHEN undone twice THEN each goes in turn, newest first", async () => {
    await h.say("apply Acme");
    const applied = await h.snapshot();
    await h.say("rejected acme technical");
    const rejected = await h.snapshot();
    await h.say("asked acme");
    await h.say("undo");
    expect(await h.snapshot()).toEqual(rejected);
    await h.say("undo");
    expect(await h.snapshot()).toEqual(applied);
  });

  it("GIVEN settings changed WHEN undone THEN the member's settings are back", async () => {
    await h.sayAll(["tz Asia/Tokyo", "quiet off", "notify weekly off"]);
    const before = await h.snapshot();
    await h.say("share company");
    await h.say("undo");
    expect(await h.snapshot()).toEqual(before);
  });

  it("GIVEN two members WHEN one undoes THEN only their own change goes", async () => {
    await h.say("apply Acme", ADA);
    await h.say("apply Globex", BEN);
    await h.say("undo", BEN);
    expect((await h.rows(ADA)).applications.map((a) => a.company)).toEqual(["Acme"]);
    expect((await h.rows(BEN)).applications).toEqual([]);
    expect((await h.run("undo", BEN)).code).toBe("nothing-to-undo");
  });

  it("GIVEN a change older than a day WHEN the member undoes THEN it stays and they are told how to correct it", async () => {
    await h.say("apply Acme");
    h.clock.set(minutesAfter(T0, 24 * 60 + 1));
    const answer = await h.run("undo");
    expect(answer).toMatchObject({ code: "nothing-to-undo", changed: false });
    expect((await h.rows()).applications).toHaveLength(1);
  });

  it("GIVEN forget WHEN the member comes back THEN there is nothing to undo, and forget itself is not undoable", async () => {
    await h.say("apply Acme");
    await h.say("forget confirm");
    expect((await h.run("undo")).code).toBe("nothing-to-undo");
  });
});

describe("corrections can be undone too", () => {
  it("GIVEN an application with rounds, feedback, a note, a reflection and a gap WHEN deleted and undone THEN all of it is back", async () => {
    await h.sayAll([
      "apply Acme Backend",
      "round acme screen yesterday",
      "rejected acme",
      "asked acme",
      "note acme the recruiter was kind",
      "met acme Dana",
      "gap graphs acme",
    ]);
    const before = await h.snapshot();
    expect((await h.run("delete acme --yes")).kind).toBe("done");
    expect((await h.rows()).applications).toEqual([]);
    expect((await h.run("undo")).code).toBe("change-undone");
    expect(await h.snapshot()).toEqual(before);
    expect((await h.say("timeline acme")).items?.join("\n")).toContain("the recruiter was kind");
  });

  it("GIVEN an edit and a cancelled round WHEN undone in turn THEN each comes back", async () => {
    await h.sayAll(["apply Acme", "round acme technical tomorrow 3pm"]);
    const booked = await h.snapshot();
    await h.say('edit acme company "Acme Corp"');
    const renamed = await h.snapshot();
    await h.say('round-cancel "Acme Corp" 1');
    await h.say("undo");
    expect(await h.snapshot()).toEqual(renamed);
    await h.say("undo");
    expect(await h.snapshot()).toEqual(booked);
  });
});

describe("the Undo button names its change", () => {
  it("GIVEN a later change WHEN the older Undo button is pressed THEN nothing is undone out of order", async () => {
    await h.say("apply Acme");
    const offered = await h.say("offer acme");
    await h.say("learned Acme ask about the team first");
    const before = await h.snapshot();
    const answer = await h.run(undoLine(offered));
    expect(answer.code).toBe("undo-not-latest");
    expect(answer.message.text).toContain("`learned Acme ask about the team first`");
    expect(await h.snapshot()).toEqual(before);
  });

  it("GIVEN the latest change WHEN its button is pressed twice THEN the second press says it is already undone", async () => {
    await h.say("apply Acme");
    const offered = await h.say("offer acme");
    expect((await h.run(undoLine(offered))).code).toBe("change-undone");
    expect((await h.run(undoLine(offered))).code).toBe("already-undone");
    expect((await h.rows()).applications[0]?.status).toBe("ACTIVE");
  });

  it("GIVEN a change that posts nothing WHEN replied THEN there is no Undo button (undo still works)", async () => {
    const reply = await h.say("apply Acme");
    expect(reply.buttons ?? []).toEqual([]);
  });
});

describe("celebrations wait out the undo window", () => {
  it("GIVEN the default window WHEN a win is logged THEN the post and the congratulation wait two minutes", async () => {
    await h.sayAll(["quiet off", "apply Acme", "invited acme onsite"]);
    const due = (await h.rows()).outbox.map((row) => [row.kind, row.nextAttemptAt.toISOString()]);
    expect(due).toEqual([
      ["celebration", minutesAfter(T0, 2).toISOString()],
      ["congratulation", minutesAfter(T0, 2).toISOString()],
    ]);
  });

  it.each([
    ["5", 5],
    ["0", 0],
  ])("GIVEN admin undo-window %s WHEN a win is logged THEN the post waits that long", async (value, minutes) => {
    expect((await h.run(`admin undo-window ${value}`, ADMIN)).code).toBe("workspace-setting-changed");
    await h.sayAll(["apply Acme", "offer acme"]);
    const post = (await h.rows()).outbox.find((row) => row.kind === "celebration");
    expect(post?.nextAttemptAt).toEqual(minutesAfter(T0, minutes));
  });

  it("GIVEN a window out of range WHEN an admin sets it THEN it is refused with the range", async () => {
    const answer = await h.run("admin undo-window 90", ADMIN);
    expect(answer).toMatchObject({ code: "bad-arguments", changed: false });
    expect(answer.message.text).toContain("0 to 60");
  });

  it("GIVEN a prefix that picked Acme Corp WHEN the reply comes THEN it names the company and the post waits", async () => {
    await h.sayAll(['apply "Acme Corp"']);
    const reply = await h.say("offer ac");
    expect(reply.text).toContain("Acme Corp");
    const post = (await h.rows()).outbox.find((row) => row.kind === "celebration");
    expect(post?.nextAttemptAt.getTime()).toBeGreaterThan(T0.getTime());
    expect(await h.store.outbox.claimDue(T0, 10, 60_000)).toEqual([]);
  });
});

describe("what undo keeps is the member's", () => {
  it("GIVEN changes made and one undone WHEN exported THEN the recent changes are listed with when they were undone", async () => {
    await h.sayAll(["apply Acme", "offer acme"]);
    h.clock.advanceMinutes(1);
    await h.say("undo");
    const file = (await h.say("export")).file;
    const document = JSON.parse(file?.content ?? "{}") as { recentChanges: unknown[] };
    expect(document.recentChanges).toEqual([
      { command: "offer acme", at: T0.toISOString(), undoneAt: minutesAfter(T0, 1).toISOString() },
      { command: "apply Acme", at: T0.toISOString(), undoneAt: null },
    ]);
  });
});
