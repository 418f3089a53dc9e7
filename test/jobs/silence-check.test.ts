/** Follow-up on silence over simulated weeks: one check-in per quiet spell, the workspace's period, and the day after a no. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/open.ts";
import { databaseKinds } from "../support/databases.ts";
import { ADMIN, BEN, createWorld, type JobWorld, plus, textOf } from "../support/job-world.ts";

/** Monday 2 March 2026, 10:00 UTC: daytime for members on the UTC default. */
const APPLIED_AT = new Date("2026-03-02T10:00:00.000Z");

describe.each(databaseKinds())("silence-check on $name", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function givenApplication(setup: string[] = []): Promise<JobWorld> {
    const world = createWorld(db, { start: APPLIED_AT });
    for (const line of setup) await world.say(line, line.startsWith("admin") ? ADMIN : undefined);
    await world.sayAt(APPLIED_AT, "apply Acme Data Engineer");
    return world;
  }

  async function runDaily(world: JobWorld, from: Date, to: Date): Promise<void> {
    for (let at = from; at < to; at = plus(at, { days: 1 })) await world.run("silence-check", at);
  }

  it("GIVEN no news from Acme WHEN the job runs through the weeks THEN nothing on day 9 and one check-in from day 10", async () => {
    const world = await givenApplication();
    await runDaily(world, plus(APPLIED_AT, { days: 1 }), plus(APPLIED_AT, { days: 10 }));
    await world.run("silence-check", plus(APPLIED_AT, { days: 10, minutes: -1 }));
    expect(await world.outbox()).toEqual([]);

    await world.run("silence-check", plus(APPLIED_AT, { days: 10 }));
    await runDaily(world, plus(APPLIED_AT, { days: 10, hours: 1 }), plus(APPLIED_AT, { days: 40 }));
    const rows = await world.outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "check-in", target: "DIRECT", memberId: await world.memberId() });
    expect(rows[0]?.payload.title).toBe("No news from Acme");
    expect(textOf(rows[0])).toContain("Checking in on the Data Engineer role");
    expect(rows[0]?.payload.buttons?.map((button) => button.command)).toEqual(["ghosted Acme", "waiting Acme"]);
  });

  it("GIVEN a round scheduled three weeks ahead WHEN ten quiet days pass THEN no check-in while it is still ahead", async () => {
    const world = await givenApplication();
    await world.say("round Acme onsite 2026-03-23 10:00");
    await runDaily(world, plus(APPLIED_AT, { days: 1 }), plus(APPLIED_AT, { days: 21 }));
    expect(await world.outbox()).toEqual([]);
  });

  it("GIVEN one check-in went out WHEN Ada logs news and then another quiet spell passes THEN a second check-in, not before", async () => {
    const world = await givenApplication();
    await world.run("silence-check", plus(APPLIED_AT, { days: 10 }));
    const newsAt = plus(APPLIED_AT, { days: 12 });
    await world.sayAt(newsAt, "waiting Acme");

    await runDaily(world, plus(newsAt, { hours: 1 }), plus(newsAt, { days: 10 }));
    await world.run("silence-check", plus(newsAt, { days: 10, minutes: -1 }));
    expect(await world.outbox()).toHaveLength(1);

    await world.run("silence-check", plus(newsAt, { days: 10 }));
    await world.run("silence-check", plus(newsAt, { days: 11 }));
    const rows = await world.outbox();
    expect(rows).toHaveLength(2);
    expect(new Set(rows.map((row) => row.dedupeKey)).size).toBe(2);
  });

  it("GIVEN the workspace set silence-days 4 WHEN the job runs THEN nothing on day 3 and one check-in from day 4", async () => {
    const world = await givenApplication(["admin silence-days 4"]);
    await world.run("silence-check", plus(APPLIED_AT, { days: 3 }));
    await world.run("silence-check", plus(APPLIED_AT, { days: 4, minutes: -1 }));
    expect(await world.outbox()).toEqual([]);
    await world.run("silence-check", plus(APPLIED_AT, { days: 4 }));
    await world.run("silence-check", plus(APPLIED_AT, { days: 5 }));
    expect(await world.outbox()).toHaveLength(1);
  });

  it("GIVEN Ada logged a rejection from Globex on day 10 WHEN Acme's check-in is due THEN it waits 24 hours; Ben's is unaffected", async () => {
    const world = await givenApplication(["apply Globex"]);
    await world.sayAt(APPLIED_AT, "apply Initech", BEN);
    const rejectedAt = plus(APPLIED_AT, { days: 9, hours: 22 });
    await world.sayAt(rejectedAt, "rejected Globex");

    await world.run("silence-check", plus(APPLIED_AT, { days: 10 }));
    await world.run("silence-check", plus(rejectedAt, { hours: 23, minutes: 59 }));
    const during = await world.outbox();
    expect(during.map((row) => row.memberId)).toEqual([await world.memberId(BEN)]);

    await world.run("silence-check", plus(rejectedAt, { hours: 24, minutes: 1 }));
    const rows = await world.outbox();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ memberId: await world.memberId(), payload: { title: "No news from Acme" } });
  });

  it("GIVEN Ada turned check-ins off WHEN a month of silence passes THEN no check-in", async () => {
    const world = await givenApplication(["notify check-in off"]);
    await runDaily(world, plus(APPLIED_AT, { days: 1 }), plus(APPLIED_AT, { days: 30 }));
    expect(await world.outbox()).toEqual([]);
  });

  // Regression: silence was once counted from when the round was logged, so a check-in came an hour after the interview.
  it("GIVEN a round logged two weeks ahead WHEN it was held an hour ago THEN no check-in until ten quiet days after it", async () => {
    const world = await givenApplication();
    await world.say("round Acme onsite 2026-03-16 10:00");
    const heldAt = new Date("2026-03-16T10:00:00.000Z");
    await world.run("silence-check", plus(heldAt, { hours: 1 }));
    await world.run("silence-check", plus(heldAt, { days: 9 }));
    expect(await world.outbox()).toEqual([]);
    await world.run("silence-check", plus(heldAt, { days: 10 }));
    expect(await world.outbox()).toHaveLength(1);
  });

  it("GIVEN the bot was down WHEN it first runs a day and a half after the spell crossed ten days THEN the check-in still comes", async () => {
    const world = await givenApplication();
    await world.run("silence-check", plus(APPLIED_AT, { days: 11, hours: 12 }));
    const rows = await world.outbox();
    expect(rows).toHaveLength(1);
    expect(textOf(rows[0])).toContain("Acme");
  });

  it("GIVEN the bot was down WHEN it first runs three days after the spell crossed ten days THEN the stale spell gets no check-in", async () => {
    const world = await givenApplication();
    await world.run("silence-check", plus(APPLIED_AT, { days: 13 }));
    await world.run("silence-check", plus(APPLIED_AT, { days: 30 }));
    expect(await world.outbox()).toEqual([]);
  });
});
