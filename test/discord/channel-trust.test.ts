/** A server's admin can point celebrations only at that server's channels: checked when set, and again when posted. */
import { ApplicationCommandOptionType } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { nextstepDefinition } from "../../src/adapters/discord/definitions.ts";
import { encodeCustomId } from "../../src/adapters/discord/render.ts";
import { COMMAND_TABLE } from "../../src/core/commands/table.ts";
import { WORKSPACE_SETTING_DEFAULTS } from "../../src/core/workspace-settings.ts";
import { type Database, IN_MEMORY, openDatabase } from "../../src/db/open.ts";
import { ADA, type DiscordWorld, GUILD, OTHER_WINS, shown, startDiscordWorld, WINS } from "../support/discord-world.ts";

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

const PAST_UNDO_WINDOW_MS = WORKSPACE_SETTING_DEFAULTS.undoWindowMinutes * 60_000 + 1;
const channelOf = async () =>
  (await db.prisma.workspace.findFirst({ where: { externalId: GUILD } }))?.celebrationChannel ?? null;

/** `/nextstep settings channel` with Discord's channel picker, by the server's manager. */
const pickChannel = (w: DiscordWorld, channel: string) =>
  w.command("channel", [{ name: "channel", value: channel, type: ApplicationCommandOptionType.Channel }], {
    group: "settings",
    admin: true,
  });

describe("setting the celebration channel", () => {
  it("GIVEN the /nextstep definition THEN `settings channel` takes a channel of the text or announcement kinds", () => {
    const settings = nextstepDefinition(COMMAND_TABLE).options.find((option) => option.name === "settings");
    const channel = settings?.options?.find((option) => option.name === "channel");
    expect(channel?.options).toEqual([
      expect.objectContaining({ name: "channel", type: 7, required: true, channel_types: [0, 5] }),
    ]);
  });

  it("GIVEN a channel of this server picked THEN it is saved", async () => {
    world = await startDiscordWorld({ db });
    const { first } = await pickChannel(world, WINS);
    expect(shown(first)).toContain("channel");
    expect(await channelOf()).toBe(WINS);
  });

  it("GIVEN an admin of one server WHEN she names another server's channel THEN she is refused kindly and nothing is saved", async () => {
    world = await startDiscordWorld({ db });
    const picked = await pickChannel(world, OTHER_WINS);
    expect(shown(picked.first)).toContain("can't find that channel in this workspace");
    const typed = await world.command(
      "workspace",
      [
        { name: "setting", value: "channel" },
        { name: "value", value: `<#${OTHER_WINS}>` },
      ],
      { group: "settings", admin: true },
    );
    expect(shown(typed.first)).toContain("can't find that channel in this workspace");
    expect(await channelOf()).toBeNull();
  });
});

describe("posting a celebration", () => {
  it("GIVEN another server's channel stored for this one THEN the post fails for good and nothing reaches that channel", async () => {
    world = await startDiscordWorld({ db });
    // Sharing is asked at the first win unless chosen: Ada chose, so her win is posted.
    await world.command("share", [{ name: "level", value: "on" }], { group: "settings" });
    await world.command("apply", [{ name: "company", value: "Acme" }]);
    await db.prisma.workspace.update({
      where: { platform_externalId: { platform: "DISCORD", externalId: GUILD } },
      data: { celebrationChannel: OTHER_WINS },
    });
    await world.command("offer", [{ name: "company", value: "Acme" }]);
    world.clock.advance(PAST_UNDO_WINDOW_MS);
    await world.dispatcher.dispatchDue();
    expect(await db.prisma.outbox.findFirstOrThrow({ where: { target: "CHANNEL" } })).toMatchObject({
      status: "FAILED",
      lastError: expect.stringContaining("channel_not_in_workspace"),
    });
    expect(world.fake.messages(OTHER_WINS)).toEqual([]);
    // Retried later, it still goes nowhere.
    world.clock.advance(86_400_000);
    await world.dispatcher.dispatchDue();
    expect(world.fake.messages(OTHER_WINS)).toEqual([]);
  });
});

describe("a DM button after the bot left the server", () => {
  it("GIVEN the bot removed from the server WHEN an old DM button is pressed THEN the member hears so and the deletion stays scheduled", async () => {
    world = await startDiscordWorld({ db });
    await world.command("apply", [{ name: "company", value: "Acme" }]);
    const removed = world.lifecycle.removed(GUILD);
    world.fake.removeGuild(GUILD);
    const deleteAt = await removed;
    const button = encodeCustomId({ guildId: GUILD, owner: ADA.id, command: "offer Acme" }) ?? "";
    const { first } = await world.click(button, ADA);
    expect(shown(first)).toContain("removed from that server");
    const workspace = await db.prisma.workspace.findFirstOrThrow({ where: { externalId: GUILD } });
    expect(workspace.deletionScheduledAt).toEqual(deleteAt);
    expect((await db.prisma.application.findFirstOrThrow()).status).toBe("ACTIVE");
  });
});
