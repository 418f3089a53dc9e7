/** What the Discord adapter leaves to the core, end to end: the reply deadline on hand-fired timers, and joining or leaving a server. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Bot } from "../../src/core/bot.ts";
import { OUTSIDE_A_WORKSPACE } from "../../src/core/outside-workspace.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { ADA, type DiscordWorld, GUILD, shown, startDiscordWorld, WINS } from "../support/discord-world.ts";
import { createManualTimers } from "../support/manual-timers.ts";

let db: Database;
let world: DiscordWorld | undefined;

beforeAll(async () => {
  db = await openDatabase({ dataDir: IN_MEMORY });
});
afterEach(async () => {
  await world?.close();
  world = undefined;
  await db.prisma.$executeRawUnsafe(`TRUNCATE "Workspace" CASCADE`);
});
afterAll(async () => {
  await db?.close();
});

describe("the reply deadline, on timers the test fires", () => {
  it("GIVEN a quick core THEN the reply is the interaction's answer and no deadline timer is left behind", async () => {
    const timers = createManualTimers();
    world = await startDiscordWorld({ db, timers });
    const { first } = await world.command("apply", [{ name: "company", value: "Acme" }]);
    expect(first).toMatchObject({ kind: "callback", type: 4, ephemeral: true });
    await world.command("pipeline");
    expect(timers.started()).toBe(2);
    expect(timers.live()).toBe(0);
  }, 30_000);

  it("GIVEN a core still busy at the deadline THEN the reply is deferred at once and edited in when the core answers", async () => {
    const timers = createManualTimers();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = (bot: Bot): Bot => ({
      ...bot,
      handleNamed: async (...args) => {
        await held;
        return bot.handleNamed(...args);
      },
    });
    world = await startDiscordWorld({ db, timers, wrapBot: slow });
    const answering = world.command("apply", [{ name: "company", value: "Acme" }]);
    await timers.whenStarted(1);
    timers.fireAll();
    const { id, first } = await answering;
    expect(first).toMatchObject({ kind: "callback", type: 5, ephemeral: true });
    release();
    const edit = await world.fake.waitForInteractionResponse(id, 15_000, (response) => response.kind === "edit");
    expect(shown(edit)).toContain("Tracking Acme");
    // The late edit may ping nobody, like every other send.
    const edits = world.fake.requestsTo("PATCH", /^\/webhooks\//);
    expect(edits.map((request) => (request.body as { allowed_mentions?: unknown }).allowed_mentions)).toEqual([
      { parse: [] },
    ]);
    expect(timers.live()).toBe(0);
  }, 30_000);
});

describe("joining and leaving a server", () => {
  const deletionOf = async () =>
    (await db.prisma.workspace.findFirstOrThrow({ where: { externalId: GUILD } })).deletionScheduledAt;

  it("GIVEN the bot is removed THEN deletion is scheduled 30 days out; WHEN it is added back THEN it is cancelled", async () => {
    world = await startDiscordWorld({ db });
    await world.command("apply", [{ name: "company", value: "Acme" }]);
    const removed = world.lifecycle.removed(GUILD);
    world.fake.removeGuild(GUILD);
    await removed;
    expect((await deletionOf())?.getTime()).toBe(world.clock.now().getTime() + 30 * 86_400_000);
    const returned = world.lifecycle.returned(GUILD);
    world.fake.addGuild({ id: GUILD, name: "Cohort 12", ownerId: ADA.id, channels: [{ id: WINS, name: "wins" }] });
    await returned;
    expect(await deletionOf()).toBeNull();
    expect(await db.prisma.application.count()).toBe(1);
  }, 30_000);

  it("GIVEN the bot is added to a new server THEN its workspace exists at once, under the server's name", async () => {
    world = await startDiscordWorld({ db });
    const returned = world.lifecycle.returned("1200000000000000009");
    world.fake.addGuild({ id: "1200000000000000009", name: "Night Shift", ownerId: ADA.id, channels: [] });
    await returned;
    expect(await db.prisma.workspace.findFirst({ where: { externalId: "1200000000000000009" } })).toMatchObject({
      platform: "DISCORD",
      name: "Night Shift",
      deletionScheduledAt: null,
    });
  }, 30_000);
});

describe("what the adapter no longer words itself", () => {
  it("GIVEN /nextstep in a DM THEN the core's answer says to use it in a server, and nothing is stored", async () => {
    world = await startDiscordWorld({ db });
    const { first } = await world.command("apply", [{ name: "company", value: "Acme" }], { guildId: null });
    expect(shown(first)).toContain(OUTSIDE_A_WORKSPACE.text);
    expect(await db.prisma.member.count()).toBe(0);
    expect(await db.prisma.application.count()).toBe(0);
  }, 30_000);

  it("GIVEN a subcommand the table no longer has THEN the core refuses it as an unknown command", async () => {
    world = await startDiscordWorld({ db });
    const { first } = await world.command("frobnicate");
    expect(shown(first)).toMatch(/know the command .{0,2}"frobnicate/);
    expect(await db.prisma.application.count()).toBe(0);
  }, 30_000);
});
