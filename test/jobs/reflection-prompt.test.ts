/** Reflection prompts a few hours after a round, and quiet hours: what falls due at night is delivered in the morning. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/open.ts";
import { databaseKinds } from "../support/databases.ts";
import { createWorld, type JobWorld, plus, textOf } from "../support/job-world.ts";

/** Tuesday 3 March 2026, 11:00 UTC: the round, for a member on the UTC default. */
const ROUND_AT = new Date("2026-03-03T11:00:00.000Z");

describe.each(databaseKinds())("reflection-prompt on $name", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function givenScheduledRound(): Promise<JobWorld> {
    const world = createWorld(db, { start: plus(ROUND_AT, { days: -1 }) });
    await world.say("apply Acme");
    await world.say("round Acme technical 2026-03-03 11:00");
    return world;
  }

  it("GIVEN a round at 11:00 WHEN the job runs through the afternoon THEN nothing 2 hours after, one from 3 hours, once", async () => {
    const world = await givenScheduledRound();
    for (const hours of [0, 1, 2]) await world.run("reflection-prompt", plus(ROUND_AT, { hours }));
    await world.run("reflection-prompt", plus(ROUND_AT, { hours: 3, minutes: -1 }));
    expect(await world.outbox()).toEqual([]);

    await world.run("reflection-prompt", plus(ROUND_AT, { hours: 3 }));
    for (const hours of [3.25, 4, 8, 24, 47])
      await world.run("reflection-prompt", plus(ROUND_AT, { minutes: hours * 60 }));
    const rows = await world.outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "reflection", target: "DIRECT", memberId: await world.memberId() });
    expect(rows[0]?.payload.title).toBe("How did it go at Acme?");
    expect(textOf(rows[0])).toContain("met Acme");
    expect(textOf(rows[0])).toContain("learned Acme");
    expect(rows[0]?.payload.buttons?.map((button) => button.command)).toEqual([
      "invited Acme",
      "waiting Acme",
      "rejected Acme",
    ]);
  });

  it("GIVEN rounds logged as already held WHEN hours pass THEN no prompt for them", async () => {
    const world = createWorld(db, { start: plus(ROUND_AT, { hours: 1 }) });
    await world.say("apply Acme");
    await world.say("round Acme technical 2026-03-03 11:00");
    await world.say("apply Globex");
    await world.say("round Globex screen");
    for (const hours of [3, 4, 6, 12]) await world.run("reflection-prompt", plus(ROUND_AT, { hours }));
    expect(await world.outbox()).toEqual([]);
  });

  it("GIVEN Ada logged the outcome within 3 hours WHEN the job runs THEN no prompt", async () => {
    const world = await givenScheduledRound();
    await world.sayAt(plus(ROUND_AT, { hours: 2 }), "invited Acme onsite");
    await world.run("reflection-prompt", plus(ROUND_AT, { hours: 3 }));
    await world.run("reflection-prompt", plus(ROUND_AT, { hours: 6 }));
    expect(await world.outbox()).toEqual([]);
  });

  it("GIVEN Ada turned reflection prompts off WHEN the round is over THEN no prompt", async () => {
    const world = await givenScheduledRound();
    await world.say("notify reflection off");
    await world.run("reflection-prompt", plus(ROUND_AT, { hours: 3 }));
    await world.run("reflection-prompt", plus(ROUND_AT, { hours: 6 }));
    expect(await world.outbox()).toEqual([]);
  });

  describe("quiet hours", () => {
    // A round at 20:00 in New York (EST, UTC-5, on Tuesday 3 March 2026) makes the prompt due at 23:00 local, 04:00 UTC.
    const EVENING_ROUND_UTC = new Date("2026-03-04T01:00:00.000Z");
    const DUE_AT_23_LOCAL = plus(EVENING_ROUND_UTC, { hours: 3 });

    async function givenEveningRound(quiet?: string): Promise<JobWorld> {
      const world = createWorld(db, { start: "2026-03-03T15:00:00.000Z" });
      await world.say("tz America/New_York");
      if (quiet) await world.say(`quiet ${quiet}`);
      await world.say("apply Acme");
      await world.say("round Acme technical 2026-03-03 20:00");
      return world;
    }

    it("GIVEN default quiet hours WHEN the prompt falls due at 23:00 local THEN it is queued for 08:00 local and not delivered before", async () => {
      const world = await givenEveningRound();
      await world.run("reflection-prompt", DUE_AT_23_LOCAL);
      const rows = await world.outbox();
      expect(rows).toHaveLength(1);
      // 08:00 in New York on Wednesday 4 March is 13:00 UTC.
      expect(rows[0]?.nextAttemptAt).toEqual(new Date("2026-03-04T13:00:00.000Z"));

      expect(await world.deliverAt(DUE_AT_23_LOCAL)).toEqual([]);
      expect(await world.deliverAt("2026-03-04T12:59:59.000Z")).toEqual([]);
      const morning = await world.deliverAt("2026-03-04T13:00:00.000Z");
      expect(morning).toHaveLength(1);
      expect(morning[0]).toMatchObject({ target: "DIRECT", to: "U-ADA", message: { title: "How did it go at Acme?" } });
      expect(await world.deliverAt("2026-03-04T18:00:00.000Z")).toEqual([]);
    });

    it("GIVEN quiet hours 22:00-06:30 WHEN the prompt falls due at 23:00 local THEN it waits until 06:30 local", async () => {
      const world = await givenEveningRound("22:00-06:30");
      await world.run("reflection-prompt", DUE_AT_23_LOCAL);
      await world.run("reflection-prompt", plus(DUE_AT_23_LOCAL, { hours: 2 }));
      const rows = await world.outbox();
      expect(rows.map((row) => row.nextAttemptAt.toISOString())).toEqual(["2026-03-04T11:30:00.000Z"]);
      expect(await world.deliverAt("2026-03-04T11:29:00.000Z")).toEqual([]);
      expect(await world.deliverAt("2026-03-04T11:30:00.000Z")).toHaveLength(1);
    });

    it("GIVEN quiet hours off WHEN the prompt falls due at 23:00 local THEN it goes out at once", async () => {
      const world = await givenEveningRound("off");
      await world.run("reflection-prompt", DUE_AT_23_LOCAL);
      expect((await world.outbox()).map((row) => row.nextAttemptAt)).toEqual([DUE_AT_23_LOCAL]);
      expect(await world.deliverAt(DUE_AT_23_LOCAL)).toHaveLength(1);
    });

    it("GIVEN the night the clocks go back in New York WHEN a prompt falls due at 23:00 THEN it waits for 08:00 standard time", async () => {
      // Saturday 31 October 2026, round at 20:00 EDT (00:00 UTC); clocks go back at 02:00, so 08:00 Sunday is 13:00 UTC.
      const world = createWorld(db, { start: "2026-10-30T15:00:00.000Z" });
      await world.say("tz America/New_York");
      await world.say("apply Acme");
      await world.say("round Acme technical 2026-10-31 20:00");
      await world.run("reflection-prompt", "2026-11-01T03:00:00.000Z");
      expect((await world.outbox()).map((row) => row.nextAttemptAt.toISOString())).toEqual([
        "2026-11-01T13:00:00.000Z",
      ]);
      expect(await world.deliverAt("2026-11-01T12:00:00.000Z")).toEqual([]);
      expect(await world.deliverAt("2026-11-01T13:00:00.000Z")).toHaveLength(1);
    });

    it("GIVEN a feedback chase falling due at 23:00 local WHEN it is queued THEN it is held for the morning, not dropped", async () => {
      // Rejected at 23:00 New York time on Monday 2 March 2026 (04:00 UTC on the 3rd): the chase is due 3 days later, at night.
      const world = createWorld(db, { start: "2026-02-20T15:00:00.000Z" });
      await world.say("tz America/New_York");
      await world.say("apply Acme");
      await world.sayAt("2026-03-03T04:00:00.000Z", "rejected Acme");
      await world.run("feedback-chase", "2026-03-06T04:00:00.000Z");
      await world.run("feedback-chase", "2026-03-06T09:00:00.000Z");
      const rows = await world.outbox();
      expect(rows.map((row) => row.nextAttemptAt.toISOString())).toEqual(["2026-03-06T13:00:00.000Z"]);
    });
  });
});
