/** The Monday encouragement over ten simulated weeks: on time in workspace time, once a week, never repeated, never a DM. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEEKLY_ENCOURAGEMENTS } from "../../src/core/copy/weekly.ts";
import { zonedTimeToUtc } from "../../src/core/time.ts";
import type { Database } from "../../src/db/open.ts";
import { weeklyKey } from "../../src/jobs/keys.ts";
import { isoWeekKey } from "../../src/jobs/rules.ts";
import { databaseKinds } from "../support/databases.ts";
import { ADMIN, createWorld, DAY_MS, type JobWorld, plus } from "../support/job-world.ts";

const ZONE = "Europe/Berlin";

/** The instant it is `hour:minute` in Berlin on that calendar day. */
function berlin(year: number, month: number, day: number, hour: number, minute = 0): Date {
  return zonedTimeToUtc({ year, month, day, hour, minute }, ZONE);
}

describe.each(databaseKinds())("weekly-encouragement on $name", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function givenTeamChannel(start: Date, settings: string[] = []): Promise<JobWorld> {
    const world = createWorld(db, { start });
    await world.say(`admin timezone ${ZONE}`, ADMIN);
    await world.say("admin channel team", ADMIN);
    for (const line of settings) await world.say(line, ADMIN);
    await world.say("apply Acme");
    return world;
  }

  it("GIVEN a team channel WHEN the job runs over a weekend and a Monday THEN one post from Monday 09:00 Berlin time, not before", async () => {
    const world = await givenTeamChannel(berlin(2026, 9, 4, 12));
    for (const at of [berlin(2026, 9, 6, 9), berlin(2026, 9, 6, 23, 59), berlin(2026, 9, 7, 8, 59)]) {
      await world.run("weekly-encouragement", at);
    }
    expect(await world.outbox()).toEqual([]);

    for (const at of [berlin(2026, 9, 7, 9), berlin(2026, 9, 7, 10), berlin(2026, 9, 7, 23), berlin(2026, 9, 8, 9)]) {
      await world.run("weekly-encouragement", at);
    }
    const rows = await world.outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "weekly", target: "CHANNEL", channel: "team", memberId: null });
    expect(rows[0]?.nextAttemptAt).toEqual(new Date("2026-09-07T07:00:00.000Z"));
    expect(WEEKLY_ENCOURAGEMENTS).toContain(rows[0]?.payload.text);

    const delivered = await world.deliverAt(berlin(2026, 9, 7, 9, 5));
    expect(delivered).toEqual([
      { target: "CHANNEL", workspaceExternalId: world.identity.externalId, to: "team", message: rows[0]?.payload },
    ]);
  });

  it("GIVEN the workspace switched weekly off WHEN three Mondays pass THEN nothing is posted", async () => {
    const world = await givenTeamChannel(berlin(2026, 9, 4, 12), ["admin weekly off"]);
    for (const day of [7, 14, 21]) {
      await world.run("weekly-encouragement", berlin(2026, 9, day, 9));
      await world.run("weekly-encouragement", berlin(2026, 9, day, 15));
    }
    expect(await world.outbox()).toEqual([]);
  });

  it("GIVEN ten simulated weeks through the October DST change WHEN the job runs around each Monday 09:00 THEN ten different posts", async () => {
    const world = await givenTeamChannel(berlin(2026, 9, 4, 12));
    const firstMonday = berlin(2026, 9, 7, 12);
    for (let week = 0; week < 10; week++) {
      const monday = new Date(firstMonday.getTime() + week * 7 * DAY_MS);
      const parts = { y: monday.getUTCFullYear(), m: monday.getUTCMonth() + 1, d: monday.getUTCDate() };
      await world.run("weekly-encouragement", berlin(parts.y, parts.m, parts.d, 8, 59));
      expect(await world.outbox()).toHaveLength(week);
      await world.run("weekly-encouragement", berlin(parts.y, parts.m, parts.d, 9));
      await world.run("weekly-encouragement", berlin(parts.y, parts.m, parts.d, 17));
      expect(await world.outbox()).toHaveLength(week + 1);
    }
    const rows = await world.outbox();
    expect(rows.every((row) => row.target === "CHANNEL" && row.memberId === null)).toBe(true);
    expect(new Set(rows.map((row) => row.payload.text)).size).toBe(10);
    // The Monday after the change: 09:00 in Berlin is 08:00 UTC, no longer 07:00.
    expect(rows.map((row) => row.nextAttemptAt.toISOString())).toContain("2026-10-26T08:00:00.000Z");
  });

  it("GIVEN the workspace moved the post to Friday 14:00 WHEN the week runs THEN nothing on Monday and one post from Friday 14:00", async () => {
    const world = await givenTeamChannel(berlin(2026, 9, 4, 12), ["admin weekly-day friday", "admin weekly-hour 14"]);
    for (const at of [berlin(2026, 9, 7, 9), berlin(2026, 9, 7, 15), berlin(2026, 9, 11, 13, 59)]) {
      await world.run("weekly-encouragement", at);
    }
    expect(await world.outbox()).toEqual([]);
    await world.run("weekly-encouragement", berlin(2026, 9, 11, 14));
    await world.run("weekly-encouragement", berlin(2026, 9, 11, 20));
    expect((await world.outbox()).map((row) => row.nextAttemptAt)).toEqual([berlin(2026, 9, 11, 14)]);
  });

  it("GIVEN a workspace without a team channel WHEN Monday comes THEN nothing is queued and nobody gets a DM", async () => {
    const world = createWorld(db, { start: berlin(2026, 9, 4, 12) });
    await world.say(`admin timezone ${ZONE}`, ADMIN);
    await world.say("apply Acme");
    await world.run("weekly-encouragement", berlin(2026, 9, 7, 9));
    expect(await world.outbox()).toEqual([]);
  });

  // Regression: job rows once took createdAt from the wall clock, so a simulated clock ahead of it hid last week's post.
  it("GIVEN a post under a simulated clock in 2031 WHEN the next Monday looks back ten weeks THEN it sees that post", async () => {
    const monday = berlin(2031, 3, 3, 9);
    const world = await givenTeamChannel(plus(monday, { days: -3 }));
    await world.run("weekly-encouragement", monday);
    const [posted] = await world.outbox();
    const nextMonday = plus(monday, { days: 7 });
    const workspaceId = await world.workspaceId();
    const lastWeek = { workspaceId, dedupeKey: weeklyKey(isoWeekKey(plus(nextMonday, { days: -7 }), "Europe/Berlin")) };
    const seen = await world.jobStore.queuedTexts([lastWeek]);
    expect([...seen.values()]).toEqual([posted?.payload.text]);
  });
});
