/** Discord's protocol duties end to end: deferred replies, closed DMs, rate limits, removal from a server, registration. */

import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { nextstepDefinition } from "../../src/adapters/discord/definitions.ts";
import { syncCommands } from "../../src/adapters/discord/register.ts";
import type { Bot } from "../../src/core/bot.ts";
import { COMMAND_TABLE } from "../../src/core/commands/table.ts";
import { silentLogger } from "../../src/core/logger.ts";
import { WORKSPACE_SETTING_DEFAULTS } from "../../src/core/workspace-settings.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { findJob } from "../../src/jobs/registry.ts";
import { createFakeDiscord } from "../fakes/fake-discord.ts";
import { deferred } from "../support/deferred.ts";
import { ADA, APP, type DiscordWorld, GUILD, shown, startDiscordWorld, TOKEN, WINS } from "../support/discord-world.ts";

const DAY_MS = 86_400_000;
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

async function withChannelAndWin(w: DiscordWorld): Promise<void> {
  await w.command(
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
  await w.command("share", [{ name: "level", value: "on" }], { group: "settings" });
  await w.command("apply", [{ name: "company", value: "Acme" }]);
  await w.command("invited", [{ name: "company", value: "acme" }]);
  // Wins wait out the workspace's undo window before anything is sent.
  w.clock.advance(WORKSPACE_SETTING_DEFAULTS.undoWindowMinutes * 60_000);
}

describe("the 3-second rule", () => {
  it("GIVEN a core that has not answered by the deadline THEN the reply is deferred (ephemeral), and edited in once the core answers", async () => {
    const coreMayAnswer = deferred();
    let answered = false;
    const slow = (bot: Bot): Bot => ({
      ...bot,
      handleNamed: async (...args) => {
        // Held until the deferral has arrived, so the deadline passes first however busy the machine is.
        await coreMayAnswer.promise;
        const reply = await bot.handleNamed(...args);
        answered = true;
        return reply;
      },
    });
    world = await startDiscordWorld({ db, wrapBot: slow, replyDeadlineMs: 100 });
    const { id, first } = await world.command("apply", [{ name: "company", value: "Acme" }]);
    expect(answered).toBe(false);
    expect(first).toMatchObject({ kind: "callback", type: 5, ephemeral: true });

    coreMayAnswer.resolve();
    const edit = await world.fake.waitForInteractionResponse(id, 5000, (response) => response.kind === "edit");
    expect(shown(edit)).toContain("Tracking Acme");
  }, 30_000);
});

describe("delivery", () => {
  it("GIVEN a member with DMs closed THEN the DM fails for good with that reason and they hear it at their next command", async () => {
    world = await startDiscordWorld({ db });
    await withChannelAndWin(world);
    world.fake.closeDms(ADA.id);
    const summary = await world.dispatcher.dispatchDue();
    expect(summary).toMatchObject({ sent: 1, failed: 1 });
    expect(await db.prisma.outbox.findFirstOrThrow({ where: { target: "DIRECT" } })).toMatchObject({
      status: "FAILED",
      lastError: expect.stringContaining("dm_closed"),
    });
    const next = await world.command("pipeline");
    expect(shown(next.first)).toContain("direct messages are closed");
    expect(shown((await world.command("pipeline")).first)).not.toContain("direct messages are closed");
  }, 30_000);

  it("GIVEN Discord answers 429 with retry_after THEN the row waits exactly that long and is delivered once after", async () => {
    world = await startDiscordWorld({ db });
    await withChannelAndWin(world);
    world.fake.failNext(
      { method: "POST", path: new RegExp(`^/channels/${WINS}/messages$`) },
      { status: 429, retryAfter: 2 },
    );
    const first = await world.dispatcher.dispatchDue();
    expect(first.retried).toBe(1);
    const waiting = await db.prisma.outbox.findFirstOrThrow({ where: { status: "PENDING" } });
    expect(waiting.nextAttemptAt.getTime() - world.clock.now().getTime()).toBe(2000);
    world.clock.advance(2000);
    expect((await world.dispatcher.dispatchDue()).sent).toBe(1);
    expect(world.fake.messages(WINS)).toHaveLength(1);
  }, 30_000);
});

describe("leaving a server", () => {
  it("GIVEN the bot is removed from a server THEN its data is deleted after the grace period, not before", async () => {
    world = await startDiscordWorld({ db });
    await world.command("apply", [{ name: "company", value: "Acme" }]);
    const removed = world.lifecycle.removed(GUILD);
    world.fake.removeGuild(GUILD);
    expect(await removed).toEqual(new Date(world.clock.now().getTime() + 30 * DAY_MS));
    expect(
      (await db.prisma.workspace.findFirstOrThrow({ where: { externalId: GUILD } })).deletionScheduledAt,
    ).not.toBeNull();
    const purge = findJob("workspace-purge");
    await purge?.run({
      now: new Date(world.clock.now().getTime() + 29 * DAY_MS),
      store: world.jobStore,
      logger: silentLogger,
    });
    expect(await db.prisma.application.count()).toBe(1);
    await purge?.run({
      now: new Date(world.clock.now().getTime() + 31 * DAY_MS),
      store: world.jobStore,
      logger: silentLogger,
    });
    expect(await db.prisma.application.count()).toBe(0);
  }, 30_000);
});

describe("command registration", () => {
  it("GIVEN no commands registered THEN the first sync registers /nextstep in the guild and the second changes nothing", async () => {
    const fake = await createFakeDiscord({ applicationId: APP, token: TOKEN });
    fake.addGuild({ id: GUILD, name: "Cohort", ownerId: ADA.id, channels: [{ id: WINS, name: "wins" }] });
    try {
      const options = {
        token: TOKEN,
        applicationId: APP,
        guildId: GUILD,
        apiUrl: fake.apiUrl,
        definitions: [nextstepDefinition(COMMAND_TABLE)],
        logger: silentLogger,
      };
      expect(await syncCommands(options)).toBe("registered");
      expect(fake.commandPuts()).toHaveLength(1);
      expect(JSON.stringify(fake.commands(GUILD))).toContain('"name":"nextstep"');
      expect(await syncCommands(options)).toBe("unchanged");
      expect(fake.commandPuts()).toHaveLength(1);
    } finally {
      await fake.close();
    }
  });
});
