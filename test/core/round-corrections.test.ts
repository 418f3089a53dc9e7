/** Correcting rounds through the bot (rounds, round-edit, round-cancel), and an export the member can read. */
import { beforeEach, describe, expect, it } from "vitest";
import { createHarness, type Harness, plain } from "../support/core-harness.ts";

let h: Harness;

beforeEach(async () => {
  h = createHarness();
  // Monday 2 March 2026, 15:00 UTC: a screen held today and passed, a technical interview tomorrow at 15:00.
  await h.sayAll(["apply Acme", "round acme screen", "invited acme technical tomorrow 3pm"]);
});

describe("rounds", () => {
  it("GIVEN two rounds WHEN listed THEN they are numbered oldest first with stage, date and standing", async () => {
    const reply = await h.run("rounds acme");
    expect(reply).toMatchObject({ code: "rounds-shown", changed: false });
    expect(reply.message.title).toBe("Rounds with Acme");
    expect(reply.message.items).toEqual([
      "1. screening call, Mon 2 Mar 2026, passed",
      "2. technical interview, Tue 3 Mar 2026, 15:00, coming up",
    ]);
    expect(reply.message.text).toContain("round-edit Acme <number>");
  });

  it("GIVEN an application without rounds WHEN listed THEN the member is told how to add one", async () => {
    await h.say("apply Globex");
    expect((await h.say("rounds globex")).text).toContain("No rounds logged with Globex yet");
  });
});

describe("round-edit", () => {
  it("GIVEN a round WHEN its stage is corrected THEN it is saved and the reply shows old → new", async () => {
    const reply = await h.run("round-edit acme 2 stage system design");
    expect(reply.code).toBe("round-edited");
    expect(reply.message.text).toBe(
      "Round 2 with Acme: technical interview, Tue 3 Mar 2026, 15:00, coming up → system design interview, Tue 3 Mar 2026, 15:00, coming up.",
    );
    expect((await h.rows()).rounds[1]?.stage).toBe("SYSTEM_DESIGN");
  });

  it("GIVEN an upcoming round WHEN moved into the past and back THEN held and scheduled follow the new time", async () => {
    await h.say("round-edit acme 2 when yesterday 10am");
    const yesterday = new Date("2026-03-01T10:00:00.000Z");
    expect((await h.rows()).rounds[1]).toMatchObject({ scheduledAt: yesterday, heldAt: yesterday, outcome: "PENDING" });
    await h.say("round-edit acme 2 when Mar 10 9:30");
    const later = new Date("2026-03-10T09:30:00.000Z");
    expect((await h.rows()).rounds[1]).toMatchObject({ scheduledAt: later, heldAt: null });
    expect(plain(await h.say("pipeline"))).toContain("Tue 10 Mar 2026, 09:30");
  });

  it.each([
    ["a round number past the last", "round-edit acme 3 stage onsite", "round-not-found"],
    ["a passed round moved into the future", "round-edit acme 1 when tomorrow 9am", "round-already-decided"],
    ["a stage that isn't one", "round-edit acme 2 stage lunch", "edit-value-invalid"],
    ["a time that isn't one", "round-edit acme 2 when someday", "edit-value-invalid"],
    ["a field that isn't one", "round-edit acme 2 outcome passed", "bad-arguments"],
    ["a number that isn't one", "round-edit acme two stage onsite", "bad-arguments"],
  ])("GIVEN %s WHEN sent THEN it is refused with a clear reason and nothing changes", async (_, line, code) => {
    const before = await h.snapshot();
    const reply = await h.run(line);
    expect(reply).toMatchObject({ code, kind: "refused", changed: false });
    expect(plain(reply.message).length).toBeGreaterThan(20);
    expect(await h.snapshot()).toEqual(before);
  });
});

describe("round-cancel", () => {
  it("GIVEN an upcoming round WHEN cancelled THEN it is gone from rounds, pipeline and timeline; a reflection on it stays", async () => {
    await h.say("met acme Dana");
    const reply = await h.run("round-cancel acme 2");
    expect(reply).toMatchObject({ code: "round-cancelled", changed: true });
    expect(reply.message.text).toBe(
      "Removed round 2 with Acme (technical interview, Tue 3 Mar 2026, 15:00, coming up). No prep reminder or how-did-it-go will come for it.",
    );
    const rows = await h.rows();
    expect(rows.rounds.map((round) => round.stage)).toEqual(["SCREEN"]);
    expect(rows.reflections).toMatchObject([
      { personMet: "Dana", applicationId: rows.applications[0]?.id, roundId: null },
    ]);
    expect((await h.say("rounds acme")).items).toEqual(["1. screening call, Mon 2 Mar 2026, passed"]);
    expect(plain(await h.say("pipeline"))).not.toContain("technical");
    expect(plain(await h.say("timeline acme"))).not.toContain("technical");
  });

  it("GIVEN no such round WHEN cancelled THEN the member hears how many there are", async () => {
    const reply = await h.run("round-cancel acme 5");
    expect(reply.code).toBe("round-not-found");
    expect(reply.message.text).toBe("Acme has rounds 1 to 2, so there's no round 5.");
  });
});

describe("export", () => {
  it("GIVEN queued messages WHEN exported THEN each is plain text with kind and time, and no outbox internals", async () => {
    await h.setCelebrationChannel("C-WINS");
    await h.setSharing("ON");
    await h.sayAll(["invited acme onsite", "apply Globex", "rejected globex"]);
    const content = (await h.say("export")).file?.content ?? "";
    const document = JSON.parse(content);
    expect(document.messages.length).toBe(4);
    for (const message of document.messages) {
      expect(Object.keys(message).sort()).toEqual(["at", "kind", "sent", "text", "to"]);
    }
    expect(document.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: "encouragement", to: "you", sent: false }),
        expect.objectContaining({ kind: "celebration", to: "the team channel" }),
      ]),
    );
    for (const internal of ["dedupeKey", "attempts", "leaseUntil", "lastError", "nextAttemptAt", "failureToldAt"]) {
      expect(content).not.toContain(internal);
    }
    expect(content).not.toMatch(/⟦|"status": "(PENDING|SENDING|SENT|FAILED|DEAD)"/);
  });
});
