/** Corrections and the jobs: what a cancelled, moved or deleted round or application had queued never goes out. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/open.ts";
import { databaseKinds } from "../support/databases.ts";
import { createWorld, type JobWorld, textOf } from "../support/job-world.ts";

describe.each(databaseKinds())("corrections and the jobs on $name", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  /** Monday 8 June 2026 in Berlin (UTC+2): a technical interview at Acme on Tuesday 10:00, its prep queued at 17:00. */
  async function givenQueuedPrep(): Promise<JobWorld> {
    const world = createWorld(db, { start: "2026-06-08T07:00:00.000Z" });
    await world.say("tz Europe/Berlin");
    await world.say("apply Acme");
    await world.say("round Acme technical tomorrow 10:00");
    await world.run("prep-reminder", "2026-06-08T15:00:00Z");
    expect(await world.outbox("prep")).toHaveLength(1);
    return world;
  }

  it("GIVEN a prep reminder queued WHEN the round is cancelled THEN it never goes out, nor is it queued again", async () => {
    const world = await givenQueuedPrep();
    await world.sayAt("2026-06-08T14:59:00Z", "round-cancel acme 1");
    expect(await world.outbox("prep")).toEqual([]);
    await world.run("prep-reminder", "2026-06-08T16:00:00Z");
    await world.run("reflection-prompt", "2026-06-09T11:00:00Z");
    expect(await world.outbox()).toEqual([]);
    expect(await world.deliverAt("2026-06-09T12:00:00Z")).toEqual([]);
  });

  it("GIVEN a prep reminder queued WHEN the round moves to Thursday THEN the old one is dropped and Wednesday evening brings the new one", async () => {
    const world = await givenQueuedPrep();
    await world.sayAt("2026-06-08T14:59:00Z", "round-edit acme 1 when Thursday 10:00");
    expect(await world.outbox("prep")).toEqual([]);
    await world.run("prep-reminder", "2026-06-09T15:00:00Z");
    expect(await world.outbox("prep")).toEqual([]);
    await world.run("prep-reminder", "2026-06-10T15:00:00Z");
    const [prep] = await world.outbox("prep");
    expect(textOf(prep)).toContain("Thu 11 Jun 2026, 10:00");
    expect(prep?.nextAttemptAt).toEqual(new Date("2026-06-10T15:00:00Z"));
  });

  it("GIVEN a prep reminder queued WHEN the round's stage is corrected THEN the next run queues it again with the right stage", async () => {
    const world = await givenQueuedPrep();
    expect(textOf((await world.outbox("prep"))[0])).toContain("technical interview");
    await world.sayAt("2026-06-08T14:59:00Z", "round-edit acme 1 stage onsite");
    expect(await world.outbox("prep")).toEqual([]);
    await world.run("prep-reminder", "2026-06-08T16:00:00Z");
    const [prep] = await world.outbox("prep");
    expect(textOf(prep)).toContain("onsite");
    expect(textOf(prep)).not.toContain("technical interview");
  });

  it("GIVEN a prep reminder queued WHEN exported THEN the message reads as plain text in the member's zone", async () => {
    const world = await givenQueuedPrep();
    const content = (await world.say("export")).file?.content ?? "";
    const [message] = JSON.parse(content).messages;
    expect(message).toMatchObject({ kind: "prep", to: "you", at: "2026-06-08T15:00:00.000Z", sent: false });
    expect(message.text).toContain("Tue 9 Jun 2026, 10:00");
    expect(content).not.toContain("⟦");
    expect(content).not.toContain("dedupeKey");
  });

  it("GIVEN a feedback request and encouragement queued after a rejection WHEN the application is deleted THEN neither goes out", async () => {
    const world = createWorld(db, { start: "2026-06-08T09:00:00.000Z" });
    await world.say("apply Globex");
    await world.say("rejected Globex");
    await world.run("feedback-chase", "2026-06-11T10:00:00Z");
    expect(await world.outbox("feedback-chase", "encouragement")).toHaveLength(2);

    await world.say("delete globex --yes");

    expect(await world.outbox("feedback-chase", "encouragement")).toEqual([]);
    // The jobs read every workspace on this database; this one's outbox is what must stay empty.
    await world.run("feedback-chase", "2026-06-20T10:00:00Z");
    await world.run("silence-check", "2026-06-20T10:00:00Z");
    expect(await world.outbox()).toEqual([]);
    expect(await world.deliverAt("2026-06-21T10:00:00Z")).toEqual([]);
  });
});
