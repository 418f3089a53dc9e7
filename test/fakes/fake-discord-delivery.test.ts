/** The fake Discord driven by the real discord.js Client: DMs, channel posts and their refusals, joining and leaving guilds. */
import { once } from "node:events";
import { type Client, DiscordAPIError, Events, type TextChannel } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ACME,
  ADA,
  APP,
  BETA,
  BOB,
  HIDDEN,
  QUIET,
  startWorld,
  WINS,
  type World,
} from "../support/fake-discord-world.ts";
import type { FakeDiscord } from "./fake-discord.ts";

let world: World;
let fake: FakeDiscord;
let client: Client;

beforeEach(async () => {
  world = await startWorld();
  ({ fake, client } = world);
});

afterEach(async () => {
  await world.close();
});

describe("fake Discord: DMs and channel posts", () => {
  it("GIVEN a member WHEN the bot opens a DM and sends THEN POST /users/@me/channels then a message recorded under the DM channel", async () => {
    const dm = await client.users.createDM(ADA.id);
    await dm.send({ content: "Good luck on Thursday", embeds: [{ title: "Round 2" }] });

    expect(fake.requestsTo("POST", /^\/users\/@me\/channels$/)).toMatchObject([{ body: { recipient_id: ADA.id } }]);
    expect(dm.id).toBe(fake.dmChannelId(ADA.id));
    expect(fake.messages(dm.id)).toMatchObject([
      { content: "Good luck on Thursday", embeds: [{ title: "Round 2" }], author: { id: APP } },
    ]);
  });

  it("GIVEN a member with DMs closed WHEN the bot sends THEN DiscordAPIError code 50007, status 403, naming the request", async () => {
    fake.closeDms(BOB.id);
    const dm = await client.users.createDM(BOB.id);
    const failure = await dm.send("Feedback reminder").catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect(failure).toMatchObject({
      name: "DiscordAPIError[50007]",
      code: 50007,
      status: 403,
      method: "POST",
      message: "Cannot send messages to this user",
      rawError: { code: 50007, message: "Cannot send messages to this user" },
    });
    expect((failure as DiscordAPIError).url).toMatch(new RegExp(`/api/v10/channels/${dm.id}/messages$`));
    expect(fake.messages(dm.id)).toEqual([]);
  });

  it("GIVEN a guild text channel WHEN fetched and posted to THEN GET /channels/{id} and the post with its embed and button recorded", async () => {
    const channel = (await client.channels.fetch(WINS, { force: true })) as TextChannel;
    const components = [{ type: 1, components: [{ type: 2, style: 1, custom_id: "cheer:1", label: "Cheer" }] }];
    const sent = await channel.send({ content: "Ada got an offer!", embeds: [{ description: "🎉" }], components });

    expect(fake.requestsTo("GET", new RegExp(`^/channels/${WINS}$`))).toHaveLength(1);
    expect(fake.messages(WINS)).toMatchObject([
      { id: sent.id, content: "Ada got an offer!", embeds: [{ description: "🎉" }], components },
    ]);
    expect(fake.visibleMessages(WINS)).toHaveLength(1);
  });

  it("GIVEN channels the bot may not post in, an unknown one, or a message over 2000 characters THEN 50013, 50001, 10003 and 50035", async () => {
    const codeOf = (promise: Promise<unknown>) =>
      promise.then(
        () => "sent",
        (error: DiscordAPIError) => [error.status, error.code],
      );
    const channel = (id: string) => client.channels.cache.get(id) as TextChannel;

    expect(await codeOf(channel(QUIET).send("hi"))).toEqual([403, 50013]);
    expect(await codeOf(channel(HIDDEN).send("hi"))).toEqual([403, 50001]);
    expect(await codeOf(client.channels.fetch("1399999999999999999"))).toEqual([404, 10003]);
    const tooLong = await channel(WINS)
      .send("x".repeat(2001))
      .catch((error: DiscordAPIError) => error);
    expect(tooLong).toMatchObject({ code: 50035, status: 400 });
    expect((tooLong as DiscordAPIError).message).toBe(
      "Invalid Form Body\ncontent[BASE_TYPE_MAX_LENGTH]: Must be 2000 or fewer in length.",
    );
  });

  it("GIVEN the celebration channel is deleted WHEN the bot posts THEN the client dropped it from its cache and REST answers 10003", async () => {
    const channel = client.channels.cache.get(WINS) as TextChannel;
    const deleted = once(client, Events.ChannelDelete);
    fake.deleteChannel(WINS);
    await deleted;
    expect(client.channels.cache.has(WINS)).toBe(false);

    await expect(channel.send("hi")).rejects.toMatchObject({ code: 10003, status: 404 });
  });
});

describe("fake Discord: guild membership", () => {
  it("GIVEN the bot is removed from a guild THEN guildDelete fires, the guild leaves the cache and its channels are unknown", async () => {
    const deleted = new Promise<string>((resolve) => client.once(Events.GuildDelete, (guild) => resolve(guild.id)));
    fake.removeGuild(BETA);

    expect(await deleted).toBe(BETA);
    expect(client.guilds.cache.has(BETA)).toBe(false);
    expect(client.guilds.cache.has(ACME)).toBe(true);
  });

  it("GIVEN the client is ready WHEN the bot joins another guild THEN guildCreate fires with its channels", async () => {
    const created = new Promise<string[]>((resolve) =>
      client.once(Events.GuildCreate, (guild) => resolve([guild.id, ...guild.channels.cache.keys()])),
    );
    fake.addGuild({
      id: "1200000000000000003",
      name: "Gamma",
      ownerId: BOB.id,
      channels: [{ id: "1300000000000000009", name: "c" }],
    });

    expect(await created).toEqual(["1200000000000000003", "1300000000000000009"]);
  });
});
