/** Corrections without forget, driven through the bot: edit, delete, rounds, round-edit, round-cancel and note. */
import { beforeEach, describe, expect, it } from "vitest";
import type { MemoryStore } from "../fakes/memory-store.ts";
import { ADA, BEN, createHarness, type Harness, plain, T0 } from "../support/core-harness.ts";

let h: Harness;

beforeEach(() => {
  h = createHarness();
});

describe("edit", () => {
  beforeEach(async () => {
    await h.sayAll(["apply Acme Backend", "apply Globex"]);
  });

  it("GIVEN an application WHEN each field is corrected THEN it is saved and the reply shows old → new", async () => {
    expect((await h.say("edit acme role Staff Engineer")).text).toBe(`Acme's role: "Backend" → "Staff Engineer".`);
    expect((await h.say("edit acme link https://acme.example/jobs/42")).text).toBe(
      `Acme's link: (none) → "https://acme.example/jobs/42".`,
    );
    expect((await h.say("edit acme source a referral from Sam")).text).toBe(
      `Acme's source: (none) → "a referral from Sam".`,
    );
    expect((await h.say("edit acme applied 2026-02-20")).text).toBe(
      "Acme's applied date: Mon 2 Mar 2026 → Fri 20 Feb 2026.",
    );
    const [acme, globex] = (await h.rows()).applications;
    const backdated = new Date("2026-02-20T09:00:00.000Z");
    expect(acme).toMatchObject({
      role: "Staff Engineer",
      link: "https://acme.example/jobs/42",
      source: "a referral from Sam",
      appliedAt: backdated,
      // Nothing had happened since applying, so the quiet spell starts from the real day too.
      lastActivityAt: backdated,
      statusChangedAt: backdated,
    });
    expect(globex).toMatchObject({ role: null, link: null, source: null, appliedAt: T0 });
  });

  it("GIVEN a link Slack escaped and a field set WHEN edited with none THEN the link is read and the field cleared", async () => {
    await h.say("edit acme link <https://acme.example/jobs?id=4&amp;ref=x|acme.example>");
    expect((await h.rows()).applications[0]?.link).toBe("https://acme.example/jobs?id=4&ref=x");
    const cleared = await h.run("edit acme link none");
    expect(cleared.code).toBe("application-edited");
    expect((await h.rows()).applications[0]?.link).toBeNull();
    await h.say("edit acme role none");
    expect((await h.rows()).applications[0]?.role).toBeNull();
  });

  it("GIVEN a rename WHEN done THEN the company key follows, so the new name finds it and the old one no longer does", async () => {
    const reply = await h.run('edit acme company "Acme Corp"');
    expect(reply).toMatchObject({ code: "application-edited", changed: true });
    expect(reply.message.text).toBe(`Renamed: "Acme" → "Acme Corp".`);
    expect((await h.rows()).applications[0]).toMatchObject({ company: "Acme Corp", companyKey: "acme corp" });
    expect((await h.run('timeline "acme corp"')).code).toBe("timeline-shown");
    await h.say('edit "acme corp" company Initech');
    expect((await h.run("timeline acme")).code).toBe("company-not-found");
    // Only the case changes: the same application, so no clash with itself.
    expect((await h.run("edit initech company INITECH")).code).toBe("application-edited");
    expect((await h.rows()).applications[0]).toMatchObject({ company: "INITECH", companyKey: "initech" });
  });

  it("GIVEN two applications with the same role WHEN one is renamed onto the other THEN it is refused and nothing changes", async () => {
    await h.say("edit globex role Backend");
    const before = await h.snapshot();
    const reply = await h.run("edit globex company acme");
    expect(reply).toMatchObject({ code: "application-exists", changed: false });
    expect(reply.message.text).toBe("You already track Acme (Backend), so I left Globex as it was.");
    expect(await h.snapshot()).toEqual(before);
  });

  it("GIVEN two roles at one company WHEN one's role is edited onto the other's THEN it is refused and nothing changes", async () => {
    await h.say('apply Acme "Platform Engineer"');
    const before = await h.snapshot();
    const reply = await h.run('edit "Acme (Platform Engineer)" role backend');
    expect(reply).toMatchObject({ code: "application-exists", changed: false });
    expect(await h.snapshot()).toEqual(before);
  });

  it.each([
    ["a link that is no web address", "edit acme link acme dot com", "edit-value-invalid"],
    ["a link that is not http", "edit acme link ftp://acme.example/file", "edit-value-invalid"],
    ["a source over 200 characters", `edit acme source ${"s".repeat(201)}`, "edit-value-invalid"],
    ["an applied date still to come", "edit acme applied tomorrow", "edit-value-invalid"],
    ["an applied date that is no date", "edit acme applied whenever", "edit-value-invalid"],
    ["a company cleared", "edit acme company none", "edit-value-invalid"],
    ["a field that isn't one", "edit acme salary 100k", "bad-arguments"],
    ["no value", "edit acme role", "bad-arguments"],
    ["an unknown company", "edit Initech role x", "company-not-found"],
  ])("GIVEN %s WHEN sent THEN it is refused with a clear reason and nothing changes", async (_, line, code) => {
    const before = await h.snapshot();
    const reply = await h.run(line);
    expect(reply).toMatchObject({ code, kind: "refused", changed: false });
    expect(plain(reply.message).length).toBeGreaterThan(20);
    expect(await h.snapshot()).toEqual(before);
  });

  it("GIVEN a rejected application WHEN its link is corrected THEN the correction is taken", async () => {
    await h.say("rejected globex");
    expect((await h.run("edit globex link http://globex.example")).code).toBe("application-edited");
  });
});

describe("delete", () => {
  beforeEach(async () => {
    await h.setCelebrationChannel("C-WINS");
    await h.setSharing("ON");
    await h.sayAll(["apply Acme", "round acme screen", "invited acme onsite", "met acme Dana", "gap sql acme"]);
    await h.sayAll(["note acme recruiter is Sam", "feedback acme friendly", "apply Globex", "rejected globex"]);
  });

  it("GIVEN an application WHEN the member says delete THEN they are asked with Yes/No buttons and nothing changes", async () => {
    const before = await h.snapshot();
    const asked = await h.run("delete acme");
    expect(asked).toMatchObject({ kind: "needs-confirmation", code: "delete-needs-confirmation", changed: false });
    expect(asked.message.text).toContain("Delete Acme? Its 2 rounds, feedback and notes go with it");
    expect(asked.message.buttons).toEqual([
      expect.objectContaining({ actionId: "confirm.yes", command: "delete Acme --yes" }),
      expect.objectContaining({ actionId: "confirm.no", command: "cancel" }),
    ]);
    expect(await h.snapshot()).toEqual(before);
    expect((await h.run("cancel")).code).toBe("dismissed");
    expect(await h.snapshot()).toEqual(before);
  });

  it("GIVEN the Yes line WHEN run THEN the application, its rounds, feedback and notes go; reflections and gaps stay unlinked", async () => {
    const acme = (await h.rows()).applications[0]?.id;
    const yes = (await h.say("delete acme")).buttons?.[0]?.command ?? "";
    const done = await h.run(yes);
    expect(done).toMatchObject({ code: "application-deleted", changed: true });
    const { tables } = h.store as MemoryStore;
    const rows = await h.rows();
    expect(rows.applications.map((application) => application.company)).toEqual(["Globex"]);
    for (const table of [tables().rounds, tables().feedback, tables().notes]) {
      expect([...table.values()].filter((row) => row.applicationId === acme)).toEqual([]);
    }
    expect(rows.notes).toEqual([]);
    expect(rows.reflections).toMatchObject([{ personMet: "Dana", applicationId: null, roundId: null }]);
    expect(rows.gaps).toMatchObject([{ topic: "sql", applicationId: null }]);
    expect((await h.say("stats")).fields).toEqual(expect.arrayContaining([{ label: "People met", value: "1" }]));
  });

  it("GIVEN messages queued about two applications WHEN one is deleted THEN only its unsent ones are gone", async () => {
    const before = (await h.rows()).outbox;
    expect(before.map((row) => row.kind).sort()).toEqual(["celebration", "congratulation", "encouragement"]);
    await h.say("delete globex --yes");
    expect((await h.rows()).outbox.map((row) => row.kind).sort()).toEqual(["celebration", "congratulation"]);

    // The celebration went out before the deletion; the congratulation still waits.
    const [claimed] = (await h.drainOutbox()).filter((row) => row.kind === "celebration");
    await h.store.outbox.markSent(claimed?.id ?? "", T0);
    await h.store.outbox.release((await h.rows()).outbox.filter((row) => row.kind !== "celebration").map((r) => r.id));
    await h.say("delete acme --yes");
    expect((await h.rows()).outbox).toMatchObject([{ kind: "celebration", status: "SENT" }]);
  });

  it("GIVEN a company with spaces WHEN asked THEN the Yes line quotes it and runs", async () => {
    await h.say("apply 'Zeta Labs'");
    const yes = (await h.say("delete zeta")).buttons?.[0]?.command;
    expect(yes).toBe('delete "Zeta Labs" --yes');
    expect((await h.run(yes ?? "")).code).toBe("application-deleted");
  });

  it("GIVEN forget used to answer to delete WHEN the member says delete confirm THEN no company is found and nothing is forgotten", async () => {
    const before = await h.snapshot([ADA, BEN]);
    expect((await h.run("delete confirm")).code).toBe("company-not-found");
    expect(await h.snapshot([ADA, BEN])).toEqual(before);
  });
});

describe("note", () => {
  it("GIVEN a note WHEN the timeline and export are read THEN it is there at its date; forget deletes it", async () => {
    await h.say("apply Acme");
    h.clock.set("2026-03-05T10:00:00Z");
    const reply = await h.run("note acme recruiter says two openings");
    expect(reply).toMatchObject({ code: "note-added", changed: true });
    expect(reply.message.text).toBe(
      `Noted on Acme, Thu 5 Mar 2026: "recruiter says two openings". It's in its timeline.`,
    );
    expect((await h.say("timeline acme")).items).toEqual([
      "Mon 2 Mar 2026: applied",
      "Thu 5 Mar 2026: note: recruiter says two openings",
    ]);
    const exported = JSON.parse((await h.say("export")).file?.content ?? "null");
    expect(exported.applications[0].notes).toMatchObject([{ text: "recruiter says two openings" }]);
    await h.say("forget confirm");
    expect([...(h.store as MemoryStore).tables().notes.values()]).toEqual([]);
  });

  it("GIVEN a note over 1000 characters or an unknown company WHEN sent THEN it is refused and nothing is kept", async () => {
    await h.say("apply Acme");
    expect((await h.run(`note acme ${"n".repeat(1001)}`)).code).toBe("note-too-long");
    expect((await h.run("note initech hello")).code).toBe("company-not-found");
    expect((await h.rows()).notes).toEqual([]);
  });
});
