/** Discord's interaction locale tells the core how a member writes 12/03 until they choose, and day-only dates show as <t:…:D>. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { ADA, BOB, type DiscordWorld, shown, startDiscordWorld } from "../support/discord-world.ts";

let db: Database;
let world: DiscordWorld;

beforeAll(async () => {
  db = await openDatabase({ dataDir: IN_MEMORY });
  world = await startDiscordWorld({ db });
}, 30_000);
afterAll(async () => {
  await world?.close();
  await db?.close();
});

async function roundOf(userId: string): Promise<Date | null | undefined> {
  const member = await db.prisma.member.findFirstOrThrow({ where: { externalId: userId } });
  return (await db.prisma.round.findFirst({ where: { application: { memberId: member.id } } }))?.scheduledAt;
}

describe("a Discord member's locale", () => {
  it("GIVEN Ada's client in en-GB and Bob's in en-US WHEN each logs a round on 12/03 THEN each gets their locale's day, unasked", async () => {
    for (const [user, locale] of [
      [ADA, "en-GB"],
      [BOB, "en-US"],
    ] as const) {
      await world.command("apply", [{ name: "company", value: "Acme" }], { user, locale });
      const round = await world.command(
        "round",
        [
          { name: "company", value: "Acme" },
          { name: "stage", value: "onsite" },
          { name: "when", value: "12/03" },
        ],
        { user, locale },
      );
      // A day without a time shows as Discord's date-only timestamp.
      expect(shown(round.first)).toMatch(/scheduled for <t:\d+:D>/);
    }
    // It is November in this world (UTC, no zone set): a yearless 12 March is next year's, at the default 09:00.
    expect(await roundOf(ADA.id)).toEqual(new Date("2027-03-12T09:00:00.000Z"));
    expect(await roundOf(BOB.id)).toEqual(new Date("2026-12-03T09:00:00.000Z"));
  });
});
