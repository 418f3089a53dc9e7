/** The weekly practice nudge: Wednesday from 10:00 in each member's zone, one per week, only for open gaps, held after a no. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/open.ts";
import { databaseKinds } from "../support/databases.ts";
import { ADA, BEN, CAL, createWorld, type JobWorld, textOf } from "../support/job-world.ts";

// Wednesday 14 October 2026. Ada is in Berlin (CEST, 10:00 = 08:00 UTC), Ben in New York (EDT, 10:00 = 14:00 UTC).
const ADA_10 = "2026-10-14T08:00:00.000Z";
const BEN_10 = "2026-10-14T14:00:00.000Z";

describe.each(databaseKinds())("practice-nudge on $name", (kind) => {
  let db: Database;
  beforeAll(async () => {
    db = await kind.open();
  });
  afterAll(async () => {
    await db?.close();
  });

  /** Ada and Ben each have open gaps, Cal has none; `setup` lines run as Ada. */
  async function givenGaps(setup: string[] = []): Promise<JobWorld> {
    const world = createWorld(db, { start: "2026-10-12T12:00:00.000Z" });
    await world.say("tz Europe/Berlin", ADA);
    await world.say("gap dynamic programming", ADA);
    await world.say("tz America/New_York", BEN);
    await world.say("gap behavioural stories", BEN);
    await world.say("tz Europe/Berlin", CAL);
    await world.say("apply Acme", CAL);
    for (const line of setup) await world.say(line, ADA);
    return world;
  }

  async function nudged(world: JobWorld): Promise<string[]> {
    const ids = {
      [await world.memberId(ADA)]: "Ada",
      [await world.memberId(BEN)]: "Ben",
      [await world.memberId(CAL)]: "Cal",
    };
    return (await world.outbox("practice")).map((row) => ids[row.memberId ?? ""] ?? "?");
  }

  it("GIVEN members with open gaps in two zones WHEN the job runs through the week THEN each gets one nudge from their Wednesday 10:00", async () => {
    const world = await givenGaps();
    await world.run("practice-nudge", "2026-10-13T08:00:00.000Z");
    await world.run("practice-nudge", "2026-10-14T07:59:00.000Z");
    expect(await nudged(world)).toEqual([]);

    await world.run("practice-nudge", ADA_10);
    await world.run("practice-nudge", "2026-10-14T13:59:00.000Z");
    expect(await nudged(world)).toEqual(["Ada"]);

    await world.run("practice-nudge", BEN_10);
    for (let hour = 15; hour < 24 + 24 * 5; hour += 3) {
      await world.run("practice-nudge", new Date(Date.parse("2026-10-14T00:00:00.000Z") + hour * 3_600_000));
    }
    expect(await nudged(world)).toEqual(["Ada", "Ben"]);

    const [adaNudge, benNudge] = await world.outbox("practice");
    expect(adaNudge).toMatchObject({ target: "DIRECT", nextAttemptAt: new Date(ADA_10) });
    expect(textOf(adaNudge)).toContain("dynamic programming");
    expect(adaNudge?.payload.buttons?.map((button) => button.command)).toEqual(["practiced 1"]);
    expect(textOf(benNudge)).toContain("behavioural stories");

    await world.run("practice-nudge", "2026-10-21T08:00:00.000Z");
    await world.run("practice-nudge", "2026-10-21T14:00:00.000Z");
    expect(await nudged(world)).toEqual(["Ada", "Ben", "Ada", "Ben"]);
  });

  it("GIVEN Ada paused over Wednesday WHEN the job runs THEN she gets no nudge that week and Ben still does", async () => {
    const world = await givenGaps(["pause 3"]);
    for (const at of [ADA_10, BEN_10, "2026-10-14T21:00:00.000Z"]) await world.run("practice-nudge", at);
    expect(await nudged(world)).toEqual(["Ben"]);
  });

  it("GIVEN Ada opted out of practice nudges WHEN Wednesdays come THEN she gets none", async () => {
    const world = await givenGaps(["notify practice off"]);
    for (const at of [ADA_10, BEN_10, "2026-10-21T08:00:00.000Z"]) await world.run("practice-nudge", at);
    expect(await nudged(world)).toEqual(["Ben"]);
  });

  it("GIVEN Ada logged a rejection Tuesday noon WHEN Wednesday 10:00 comes THEN her nudge waits until 24 hours have passed", async () => {
    const world = await givenGaps(["apply Globex"]);
    await world.sayAt("2026-10-13T12:00:00.000Z", "rejected Globex", ADA);
    await world.run("practice-nudge", ADA_10);
    await world.run("practice-nudge", "2026-10-14T11:59:00.000Z");
    expect(await nudged(world)).toEqual([]);
    await world.run("practice-nudge", "2026-10-14T12:01:00.000Z");
    expect(await nudged(world)).toEqual(["Ada"]);
  });

  it("GIVEN Ada closed her only gap WHEN Wednesday comes THEN no nudge for her", async () => {
    const world = await givenGaps(["practiced 1", "practiced 1"]);
    await world.run("practice-nudge", ADA_10);
    await world.run("practice-nudge", BEN_10);
    expect(await nudged(world)).toEqual(["Ben"]);
  });
});
