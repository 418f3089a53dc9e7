/** The member journey through the real discord.js client and interactions, against a local fake Discord. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCustomId } from "../../src/adapters/discord/render.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { findJob } from "../../src/jobs/registry.ts";
import {
  ADA,
  BOB,
  type DiscordWorld,
  GUILD,
  OTHER_GUILD,
  shown,
  startDiscordWorld,
  WINS,
} from "../support/discord-world.ts";

const DAY_MS = 86_400_000;
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

describe("Discord journey", () => {
  it("GIVEN a first command THEN the reply is ephemeral and suggests a timezone, since Discord gives none", async () => {
    const { first } = await world.command("apply", [
      { name: "company", value: "Acme" },
      { name: "role", value: "Backend" },
    ]);
    expect(first).toMatchObject({ kind: "callback", type: 4, ephemeral: true });
    expect(shown(first)).toContain("Tracking Backend at Acme");
    expect(shown(first)).toContain("tz Europe/Berlin");
  });

  it("GIVEN a server manager WHEN she sets the celebration channel THEN it is saved; a plain member is refused", async () => {
    const refused = await world.command(
      "workspace",
      [
        { name: "setting", value: "channel" },
        { name: "value", value: `<#${WINS}>` },
      ],
      {
        group: "settings",
        user: BOB,
      },
    );
    expect(shown(refused.first)).toContain("Only workspace admins");
    const done = await world.command(
      "workspace",
      [
        { name: "setting", value: "channel" },
        { name: "value", value: `<#${WINS}>` },
      ],
      {
        group: "settings",
        admin: true,
      },
    );
    expect(shown(done.first)).toContain("channel");
    expect((await db.prisma.workspace.findFirstOrThrow({ where: { externalId: GUILD } })).celebrationChannel).toBe(
      WINS,
    );
  });

  it("GIVEN the journey through typed options THEN each step lands, and times show as Discord timestamps", async () => {
    await world.command("tz", [{ name: "zone", value: "Europe/Berlin" }], { group: "settings" });
    const round = await world.command("round", [
      { name: "company", value: "acme" },
      { name: "stage", value: "technical" },
      { name: "when", value: "2026-11-25 10:00" },
    ]);
    expect(shown(round.first)).toMatch(/<t:\d+:F>/);
    // Chosen up front: a member who never chose is asked at the first win (first-win.test.ts).
    await world.command("share", [{ name: "level", value: "on" }], { group: "settings" });
    const steps: [string, { name: string; value: string | number }[], string][] = [
      [
        "invited",
        [
          { name: "company", value: "acme" },
          { name: "stage", value: "onsite" },
        ],
        "win",
      ],
      [
        "met",
        [
          { name: "company", value: "acme" },
          { name: "who", value: "Dana" },
        ],
        "Dana",
      ],
      [
        "learned",
        [
          { name: "company", value: "acme" },
          { name: "what", value: "graph search" },
        ],
        "graph search",
      ],
      [
        "impression",
        [
          { name: "company", value: "acme" },
          { name: "rating", value: 4 },
        ],
        "impression",
      ],
      ["apply", [{ name: "company", value: "Globex" }], "Globex"],
      ["rejected", [{ name: "company", value: "globex" }], "privately"],
      ["asked", [{ name: "company", value: "globex" }], "asking"],
      [
        "feedback",
        [
          { name: "company", value: "globex" },
          { name: "text", value: "more SQL" },
        ],
        "saved",
      ],
      ["pipeline", [], "Acme"],
      ["stats", [], "Invitations"],
    ];
    for (const [sub, options, expected] of steps) {
      const { first } = await world.command(sub, options);
      expect(first.ephemeral, sub).toBe(true);
      expect(shown(first), sub).toContain(expected);
    }
  });

  it("GIVEN bad input in a typed option THEN the reply explains and nothing changes", async () => {
    const before = await db.prisma.round.count();
    const { first } = await world.command("round", [
      { name: "company", value: "acme" },
      { name: "stage", value: "technical" },
      { name: "when", value: "someday maybe" },
    ]);
    expect(shown(first)).toContain("couldn't read");
    expect(await db.prisma.round.count()).toBe(before);
  });

  it("GIVEN a member typing a company THEN autocomplete offers only their own companies", async () => {
    const mine = await world.autocomplete("round", { name: "company", value: "ac" });
    expect(mine).toMatchObject({ type: 8 });
    expect(shown(mine)).toContain("Acme");
    expect(shown(mine)).not.toContain("Globex");
    const bobs = await world.autocomplete("round", { name: "company", value: "" }, BOB);
    expect(shown(bobs)).not.toContain("Acme");
    const zones = await world.autocomplete("tz", { name: "zone", value: "berl" });
    expect(shown(zones)).toContain("Europe/Berlin");
  });

  it("GIVEN the outbox THEN the invitation is celebrated in the channel, the rejection never, and DMs arrive", async () => {
    world.clock.advance(15 * 60_000);
    const summary = await world.dispatcher.dispatchDue();
    expect(summary.failed).toBe(0);
    const channel = JSON.stringify(world.fake.messages(WINS));
    expect(channel).toContain("ada");
    expect(channel.toLowerCase()).not.toContain("globex");
    expect(channel.toLowerCase()).not.toContain("reject");
    const dms = JSON.stringify(world.fake.messages(world.fake.dmChannelId(ADA.id)));
    expect(dms).toContain("Globex");
  });

  it("GIVEN a button bound to Ada WHEN Ada clicks it (in her DMs) THEN it runs; WHEN Bob clicks THEN nothing changes", async () => {
    const customId = encodeCustomId({ guildId: GUILD, owner: ADA.id, command: "gap dynamic programming" }) ?? "";
    const bob = await world.click(customId, BOB, GUILD);
    expect(shown(bob.first)).toContain("someone else");
    expect(await db.prisma.gap.count()).toBe(0);
    const ada = await world.click(customId, ADA);
    expect(shown(ada.first)).toContain("dynamic programming");
    expect(await db.prisma.gap.count()).toBe(1);
  });

  it("GIVEN two Hooli applications WHEN Ada logs an offer at hooli THEN she is asked which, and a button logs it on that one", async () => {
    await world.command("apply", [
      { name: "company", value: "Hooli" },
      { name: "role", value: "Backend" },
    ]);
    await world.command("apply", [
      { name: "company", value: "Hooli" },
      { name: "role", value: "Platform" },
    ]);
    const { first } = await world.command("offer", [{ name: "company", value: "hooli" }]);
    expect(shown(first)).toContain("Which Hooli?");
    const rows = (first.data as { components?: { components: { label: string; custom_id: string }[] }[] }).components;
    const buttons = rows?.flatMap((row) => row.components) ?? [];
    expect(buttons.map((button) => button.label)).toEqual(["Hooli (Backend)", "Hooli (Platform)"]);
    const before = await db.prisma.application.findMany({ where: { company: "Hooli" }, orderBy: { role: "asc" } });
    expect(before.map((application) => application.status)).toEqual(["ACTIVE", "ACTIVE"]);

    const clicked = await world.click(buttons[1]?.custom_id ?? "", ADA, GUILD);
    expect(shown(clicked.first)).toContain("An offer from Hooli");
    const after = await db.prisma.application.findMany({ where: { company: "Hooli" }, orderBy: { role: "asc" } });
    expect(after.map((application) => [application.role, application.status])).toEqual([
      ["Backend", "ACTIVE"],
      ["Platform", "OFFER"],
    ]);
  });

  it("GIVEN Acme tracked WHEN Ada applies to Acmee THEN she is asked if it is the same; No, a new company tracks it", async () => {
    const { first } = await world.command("apply", [{ name: "company", value: "Acmee" }]);
    expect(shown(first)).toContain("You already track Acme");
    const rows = (first.data as { components?: { components: { label: string; custom_id: string }[] }[] }).components;
    const buttons = rows?.flatMap((row) => row.components) ?? [];
    expect(buttons.map((button) => button.label)).toEqual(["Same: Acme", "No, a new company"]);
    expect(await db.prisma.application.count({ where: { company: "Acmee" } })).toBe(0);
    const clicked = await world.click(buttons[1]?.custom_id ?? "", ADA, GUILD);
    expect(shown(clicked.first)).toContain("Tracking Acmee");
    expect(await db.prisma.application.count({ where: { company: "Acmee" } })).toBe(1);
  });

  it("GIVEN another server THEN the same member sees none of this server's data", async () => {
    const { first } = await world.command("pipeline", [], { guildId: OTHER_GUILD });
    expect(shown(first)).toContain("empty");
  });

  it("GIVEN a rejection three days old THEN the feedback-chase job DMs the request with its buttons", async () => {
    await world.command("apply", [{ name: "company", value: "Initech" }]);
    await world.command("rejected", [{ name: "company", value: "initech" }]);
    world.clock.advance(3 * DAY_MS + 60_000);
    await findJob("feedback-chase")?.run({ now: world.clock.now(), store: world.jobStore, logger: silentLogger });
    await world.dispatcher.dispatchDue();
    const dms = JSON.stringify(world.fake.messages(world.fake.dmChannelId(ADA.id)));
    expect(dms).toContain("Feedback from Initech");
    expect(dms).toContain(`ns|${GUILD}|${ADA.id}|asked Initech`);
  });
});
