/** Prep reminders in the member's own evening: the hour before 17:00 local, across the date line and through DST changes. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotUser } from "../../src/core/bot.ts";
import type { Database } from "../../src/db/open.ts";
import { databaseKinds } from "../support/databases.ts";
import { ADA, BEN, createWorld, type JobWorld, textOf } from "../support/job-world.ts";

describe.each(databaseKinds())("prep-reminder on $name", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  /** Logs, at `loggedAt`, a round for `user` in `zone`, written as the member would type it. */
  async function givenRound(
    world: JobWorld,
    user: BotUser,
    zone: string,
    company: string,
    when: string,
    loggedAt: string,
  ): Promise<void> {
    await world.sayAt(loggedAt, `tz ${zone}`, user);
    await world.say(`apply ${company}`, user);
    await world.say(`round ${company} technical ${when}`, user);
  }

  /** Whose reminders are queued, by member platform id. */
  async function remindedMembers(world: JobWorld): Promise<string[]> {
    const rows = await world.outbox("prep");
    const members = await db.prisma.member.findMany({ where: { id: { in: rows.map((row) => row.memberId ?? "") } } });
    return rows.map((row) => members.find((member) => member.id === row.memberId)?.externalId ?? "?");
  }

  it("GIVEN a round tomorrow 10:00 Berlin time WHEN the job runs through the day before THEN nothing at 16:00, one from 17:00, once", async () => {
    // Monday 8 June 2026: Berlin is on summer time (UTC+2), so 17:00 local is 15:00 UTC.
    const world = createWorld(db, { start: "2026-06-08T07:00:00.000Z" });
    await world.say("tz Europe/Berlin");
    await world.say("gap dynamic programming");
    await world.say('gap "talking through trade-offs"');
    await world.say("apply Acme");
    await world.say("round Acme technical tomorrow 10:00");

    for (const at of ["2026-06-08T09:00:00Z", "2026-06-08T14:00:00Z", "2026-06-08T14:59:00Z"]) {
      await world.run("prep-reminder", at);
    }
    expect(await world.outbox()).toEqual([]);

    for (const at of ["2026-06-08T15:00:00Z", "2026-06-08T15:15:00Z", "2026-06-08T18:00:00Z", "2026-06-09T06:00:00Z"]) {
      await world.run("prep-reminder", at);
    }
    const rows = await world.outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "prep", target: "DIRECT", dedupeKey: expect.stringMatching(/^prep:/) });
    expect(rows[0]?.nextAttemptAt).toEqual(new Date("2026-06-08T15:00:00Z"));
    expect(rows[0]?.payload.title).toBe("Tomorrow: Acme");
    expect(textOf(rows[0])).toContain("Acme");
    expect(textOf(rows[0])).toContain("Tue 9 Jun 2026, 10:00");
    expect(textOf(rows[0])).toContain("dynamic programming");
    expect(textOf(rows[0])).toContain("talking through trade-offs");
  });

  it("GIVEN Ada turned prep reminders off WHEN the evening before comes THEN no reminder", async () => {
    const world = createWorld(db, { start: "2026-06-08T07:00:00.000Z" });
    await world.say("notify prep off");
    await givenRound(world, ADA, "Europe/Berlin", "Acme", "tomorrow 10:00", "2026-06-08T07:00:00Z");
    await world.run("prep-reminder", "2026-06-08T15:00:00Z");
    await world.run("prep-reminder", "2026-06-08T20:00:00Z");
    expect(await world.outbox()).toEqual([]);
  });

  it("GIVEN Auckland and Pago Pago members with rounds at the same instant WHEN the job runs THEN each is reminded at their own 17:00", async () => {
    // The round is 21:00 UTC on 14 July 2026: Wednesday 09:00 in Auckland (UTC+12), Tuesday 10:00 in Pago Pago (UTC-11).
    const world = createWorld(db, { start: "2026-07-13T20:00:00.000Z" });
    await givenRound(world, ADA, "Pacific/Auckland", "Acme", "2026-07-15 09:00", "2026-07-13T20:00:00Z");
    await givenRound(world, BEN, "Pacific/Pago_Pago", "Globex", "2026-07-14 10:00", "2026-07-13T20:00:00Z");
    const rounds = await db.prisma.round.findMany({ where: { workspaceId: await world.workspaceId() } });
    expect(rounds.map((round) => round.scheduledAt?.toISOString())).toEqual([
      "2026-07-14T21:00:00.000Z",
      "2026-07-14T21:00:00.000Z",
    ]);

    await world.run("prep-reminder", "2026-07-14T03:59:00Z");
    expect(await remindedMembers(world)).toEqual([]);
    // Monday 17:00 in Pago Pago.
    await world.run("prep-reminder", "2026-07-14T04:00:00Z");
    await world.run("prep-reminder", "2026-07-14T04:59:00Z");
    expect(await remindedMembers(world)).toEqual(["U-BEN"]);
    // Tuesday 17:00 in Auckland.
    await world.run("prep-reminder", "2026-07-14T05:00:00Z");
    await world.run("prep-reminder", "2026-07-14T06:00:00Z");
    expect(await remindedMembers(world)).toEqual(["U-BEN", "U-ADA"]);
    const rows = await world.outbox("prep");
    expect(rows.map((row) => row.nextAttemptAt.toISOString())).toEqual([
      "2026-07-14T04:00:00.000Z",
      "2026-07-14T05:00:00.000Z",
    ]);
  });

  it("GIVEN Berlin rounds either side of the October DST change WHEN the job runs THEN each reminder keys off that day's offset", async () => {
    // Clocks go back on Sunday 25 October 2026 at 03:00 CEST. Saturday 17:00 is 15:00 UTC; Sunday 17:00 is 16:00 UTC.
    const world = createWorld(db, { start: "2026-10-23T08:00:00.000Z" });
    await givenRound(world, ADA, "Europe/Berlin", "Acme", "2026-10-25 10:00", "2026-10-23T08:00:00Z");
    await givenRound(world, BEN, "Europe/Berlin", "Globex", "2026-10-26 10:00", "2026-10-23T08:00:00Z");

    await world.run("prep-reminder", "2026-10-24T14:59:00Z");
    expect(await remindedMembers(world)).toEqual([]);
    await world.run("prep-reminder", "2026-10-24T15:00:00Z");
    expect(await remindedMembers(world)).toEqual(["U-ADA"]);

    // 15:00 UTC on Sunday is only 16:00 in Berlin now.
    await world.run("prep-reminder", "2026-10-25T15:00:00Z");
    await world.run("prep-reminder", "2026-10-25T15:59:00Z");
    expect(await remindedMembers(world)).toEqual(["U-ADA"]);
    await world.run("prep-reminder", "2026-10-25T16:00:00Z");
    expect(await remindedMembers(world)).toEqual(["U-ADA", "U-BEN"]);
    expect(textOf((await world.outbox("prep"))[1])).toContain("Mon 26 Oct 2026, 10:00");
  });

  it("GIVEN New York rounds either side of the November DST change WHEN the job runs THEN each reminder comes at 17:00 local", async () => {
    // Clocks go back on Sunday 1 November 2026 at 02:00 EDT. Saturday 17:00 is 21:00 UTC; Sunday 17:00 is 22:00 UTC.
    const world = createWorld(db, { start: "2026-10-30T14:00:00.000Z" });
    await givenRound(world, ADA, "America/New_York", "Acme", "Nov 1 10:00", "2026-10-30T14:00:00Z");
    await givenRound(world, BEN, "America/New_York", "Globex", "Nov 2 10:00", "2026-10-30T14:00:00Z");

    await world.run("prep-reminder", "2026-10-31T20:59:00Z");
    expect(await remindedMembers(world)).toEqual([]);
    await world.run("prep-reminder", "2026-10-31T21:00:00Z");
    expect(await remindedMembers(world)).toEqual(["U-ADA"]);

    await world.run("prep-reminder", "2026-11-01T21:00:00Z");
    await world.run("prep-reminder", "2026-11-01T21:59:00Z");
    expect(await remindedMembers(world)).toEqual(["U-ADA"]);
    await world.run("prep-reminder", "2026-11-01T22:00:00Z");
    await world.run("prep-reminder", "2026-11-02T01:00:00Z");
    expect(await remindedMembers(world)).toEqual(["U-ADA", "U-BEN"]);
  });

  it("GIVEN Ada paused WHEN the evening before her round comes THEN no reminder", async () => {
    const world = createWorld(db, { start: "2026-06-08T07:00:00.000Z" });
    await givenRound(world, ADA, "Europe/Berlin", "Acme", "tomorrow 10:00", "2026-06-08T07:00:00Z");
    await world.say("pause 3");
    await world.run("prep-reminder", "2026-06-08T15:00:00Z");
    await world.run("prep-reminder", "2026-06-09T06:00:00Z");
    expect(await world.outbox()).toEqual([]);
  });
});
