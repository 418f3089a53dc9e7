/** The Friday digest: the past week's wins counted in workspace time, sharing respected, rejections never mentioned. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/open.ts";
import { databaseKinds } from "../support/databases.ts";
import { ADMIN, BEN, CAL, createWorld, type JobWorld, textOf } from "../support/job-world.ts";

// Workspace time is New York (EDT, UTC-4, in October 2026): Friday 9 October 16:00 local is 20:00 UTC.
const FRIDAY_16 = "2026-10-09T20:00:00.000Z";

describe.each(databaseKinds())("weekly-digest on $name", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  /** A New York workspace with a team channel; Ada, Ben and Cal applied in September. */
  async function givenTeam(): Promise<JobWorld> {
    const world = createWorld(db, { start: "2026-09-14T15:00:00.000Z" });
    await world.say("admin timezone America/New_York", ADMIN);
    await world.say("admin channel team", ADMIN);
    await world.say("share on");
    await world.say("apply Acme");
    await world.say("apply Globex");
    await world.say("apply Initech", BEN);
    await world.say("share off", BEN);
    await world.say("apply Umbrella", CAL);
    await world.say("rejected Umbrella", CAL);
    return world;
  }

  /** The week before FRIDAY_16: wins, a rejection, feedback, people met and things learned. */
  async function givenBusyWeek(world: JobWorld): Promise<void> {
    // Eight days before the digest: too old to count.
    await world.sayAt("2026-10-01T15:00:00.000Z", "learned Globex how their on-call rotation works");
    await world.sayAt("2026-10-06T15:00:00.000Z", "round Acme technical");
    await world.sayAt("2026-10-07T15:00:00.000Z", "invited Acme onsite");
    await world.say("met Acme Dana, the staff engineer");
    await world.say("learned Acme how they shard their event store");
    await world.sayAt("2026-10-07T18:00:00.000Z", "invited Initech", BEN);
    await world.sayAt("2026-10-08T15:00:00.000Z", "rejected Globex onsite");
    await world.sayAt("2026-10-08T16:00:00.000Z", 'feedback Umbrella "wanted more SQL depth"', CAL);
  }

  it("GIVEN a busy week WHEN the job runs around Friday 16:00 workspace time THEN one digest counting the week's wins", async () => {
    const world = await givenTeam();
    await givenBusyWeek(world);
    for (const at of ["2026-10-08T20:00:00.000Z", "2026-10-09T15:00:00.000Z", "2026-10-09T19:59:00.000Z"]) {
      await world.run("weekly-digest", at);
    }
    expect(await world.outbox()).toEqual([]);

    await world.run("weekly-digest", FRIDAY_16);
    await world.run("weekly-digest", "2026-10-09T21:04:00.000Z");
    await world.run("weekly-digest", "2026-10-10T03:00:00.000Z");
    const rows = await world.outbox();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: "digest", target: "CHANNEL", channel: "team", memberId: null });
    const text = textOf(rows[0]);
    expect(text).toContain("• 2 invitations to a next step");
    // Ada's technical round and the onsite she logged as a rejection.
    expect(text).toContain("• 2 rounds held");
    expect(text).toContain("• 1 piece of feedback received");
    expect(text).toContain("• 1 person met");
    expect(text).toContain("• 1 thing learned");
    expect(text).not.toMatch(/• \d+ offers?\b/);
    expect(text).toContain("Wins this week from Ada.");
  });

  it("GIVEN a week with a rejection and a private member WHEN the digest is posted THEN it names neither them nor any company", async () => {
    const world = await givenTeam();
    await givenBusyWeek(world);
    await world.run("weekly-digest", FRIDAY_16);
    const text = textOf((await world.outbox())[0]);
    expect(text).not.toMatch(/reject/i);
    for (const hidden of ["Globex", "Umbrella", "Acme", "Initech", "Ben", "Cal"]) expect(text).not.toContain(hidden);

    const delivered = await world.deliverAt(FRIDAY_16);
    const posts = delivered.filter((entry) => entry.message.text === text);
    expect(posts).toEqual([
      // The mentions are bookkeeping for `forget`; the platforms render only the text.
      {
        target: "CHANNEL",
        workspaceExternalId: world.identity.externalId,
        to: "team",
        message: { text, mentions: [{ memberId: await world.memberId(), name: "Ada" }] },
      },
    ]);
  });

  it("GIVEN a digest last Friday WHEN the next week has no wins THEN nothing is posted that Friday", async () => {
    const world = await givenTeam();
    await givenBusyWeek(world);
    await world.run("weekly-digest", FRIDAY_16);
    await world.run("weekly-digest", "2026-10-16T20:00:00.000Z");
    await world.run("weekly-digest", "2026-10-16T23:00:00.000Z");
    expect(await world.outbox()).toHaveLength(1);
  });

  it("GIVEN the workspace moved the digest to Thursday 09:00 WHEN the week runs THEN it comes then, not on Friday", async () => {
    const world = await givenTeam();
    await world.say("admin digest-day thursday", ADMIN);
    await world.say("admin digest-hour 9", ADMIN);
    await world.sayAt("2026-10-06T15:00:00.000Z", "invited Acme onsite");
    // Thursday 8 October, 09:00 in New York is 13:00 UTC.
    await world.run("weekly-digest", "2026-10-08T12:59:00.000Z");
    expect(await world.outbox()).toEqual([]);
    await world.run("weekly-digest", "2026-10-08T13:00:00.000Z");
    await world.run("weekly-digest", FRIDAY_16);
    const rows = await world.outbox();
    expect(rows.map((row) => row.nextAttemptAt)).toEqual([new Date("2026-10-08T13:00:00.000Z")]);
    expect(textOf(rows[0])).toContain("• 1 invitation to a next step");
  });

  it("GIVEN a quiet week with only a rejection WHEN Friday 16:00 comes THEN no digest", async () => {
    const world = await givenTeam();
    await world.sayAt("2026-10-07T15:00:00.000Z", "rejected Globex");
    await world.run("weekly-digest", FRIDAY_16);
    expect(await world.outbox()).toEqual([]);
  });

  it("GIVEN Ada landed an offer WHEN the digest is posted THEN it counts the offer and names her", async () => {
    const world = await givenTeam();
    await world.sayAt("2026-10-07T15:00:00.000Z", "offer Acme");
    await world.run("weekly-digest", FRIDAY_16);
    const text = textOf((await world.outbox())[0]);
    expect(text).toContain("• 1 offer");
    expect(text).toContain("Wins this week from Ada.");
  });

  it.each([
    ["never chose", null],
    ["shares anonymously", "share anonymous"],
  ])("GIVEN Cal %s WHEN Cal's offer is counted in the digest THEN Cal is not named", async (_, choice) => {
    const world = await givenTeam();
    if (choice) await world.say(choice, CAL);
    await world.sayAt("2026-10-06T15:00:00.000Z", "apply Hooli", CAL);
    await world.sayAt("2026-10-07T15:00:00.000Z", "offer Hooli", CAL);
    await world.run("weekly-digest", FRIDAY_16);
    const text = textOf((await world.outbox())[0]);
    expect(text).toContain("• 1 offer");
    expect(text).not.toContain("Cal");
  });

  it("GIVEN a digest naming Ada and Cal, queued and then sent WHEN Ada forgets THEN no digest row names her and Cal is still thanked", async () => {
    const world = await givenTeam();
    await world.say("share on", CAL);
    await world.sayAt("2026-10-07T15:00:00.000Z", "offer Acme");
    await world.sayAt("2026-10-07T16:00:00.000Z", "apply Hooli", CAL);
    await world.sayAt("2026-10-07T17:00:00.000Z", "offer Hooli", CAL);
    await world.run("weekly-digest", FRIDAY_16);
    expect(textOf((await world.outbox("digest"))[0])).toContain("Wins this week from Ada, Cal.");
    await world.deliverAt(FRIDAY_16);

    await world.say("forget confirm");
    const [digest] = await world.outbox("digest");
    expect(digest?.status).toBe("SENT");
    expect(JSON.stringify(digest?.payload)).not.toContain("Ada");
    expect(textOf(digest)).toContain("Wins this week from Cal.");
  });

  // Regression: `invited` with no pending round records the application as a passed APPLIED round; it once counted as held.
  it("GIVEN Ben applied and was invited in the same week WHEN the digest counts THEN no round is counted as held", async () => {
    const world = await givenTeam();
    await world.sayAt("2026-10-06T15:00:00.000Z", "apply Hooli", BEN);
    await world.sayAt("2026-10-08T15:00:00.000Z", "invited Hooli screen", BEN);
    await world.run("weekly-digest", FRIDAY_16);
    const text = textOf((await world.outbox())[0]);
    expect(text).toContain("• 1 invitation to a next step");
    expect(text).not.toContain("held");
  });
});
