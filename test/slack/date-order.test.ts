/** Slack tells the core each member's locale (users.info with include_locale), which decides how 12/03 reads until they choose. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { createManualTimers } from "../support/manual-timers.ts";
import { type SlackWorld, startSlackWorld, textOf } from "../support/slack-world.ts";

let db: Database;
let world: SlackWorld | undefined;

beforeAll(async () => {
  db = await openDatabase({ dataDir: IN_MEMORY });
});
afterEach(async () => {
  await world?.close();
  world = undefined;
  await db.prisma.$executeRawUnsafe(`TRUNCATE "Workspace", "SlackInstallation" CASCADE`);
});
afterAll(async () => {
  await db?.close();
});

async function onsiteOf(userId: string): Promise<Date | null | undefined> {
  const member = await db.prisma.member.findFirstOrThrow({ where: { externalId: userId } });
  const round = await db.prisma.round.findFirst({ where: { application: { memberId: member.id } } });
  return round?.scheduledAt;
}

describe("a Slack member's locale", () => {
  it("GIVEN members whose Slack speaks German and US English WHEN each writes 12/03 THEN each gets the day their locale means, unasked, and neither choice is stored", async () => {
    // Timers that never fire on their own: every reply rides on the ack, however slow the machine.
    world = await startSlackWorld({ db, mode: "single", timers: createManualTimers() });
    world.fake.addUser("T1", { id: "U7", name: "dana", tz: "Europe/Berlin", locale: "de-DE" });
    world.fake.addUser("T1", { id: "U8", name: "eli", tz: "Europe/Berlin", locale: "en-US" });

    for (const user of ["U7", "U8"]) {
      await world.say("apply Acme", user);
      const answer = await world.say("round Acme onsite 12/03 10:00", user);
      expect(textOf(answer.json)).toContain("scheduled for");
    }

    // It is November: a yearless 12 March is next year's.
    expect(await onsiteOf("U7")).toEqual(new Date("2027-03-12T09:00:00.000Z"));
    expect(await onsiteOf("U8")).toEqual(new Date("2026-12-03T09:00:00.000Z"));
    const members = await db.prisma.member.findMany({ where: { externalId: { in: ["U7", "U8"] } } });
    expect(members.map((member) => member.dateOrder)).toEqual([null, null]);
    expect(world.fake.callsTo("users.info").every((call) => String(call.params.include_locale) === "true")).toBe(true);
  });
});
