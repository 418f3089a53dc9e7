/** The fake Discord's REST rules through @discordjs/rest: interaction deadlines and double answers, command registration, auth, unknown routes, shards. */
import { Client, type DiscordAPIError, GatewayIntentBits, REST, Routes } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { autocompleteInteraction, chatInputInteraction } from "../support/discord-payloads.ts";
import { startDiscordClient } from "../support/discord-test-client.ts";
import { ACME, ADA, APP, applyCommand, startWorld, TOKEN, type World } from "../support/fake-discord-world.ts";
import { createFakeDiscord, type FakeDiscord } from "./fake-discord.ts";

let world: World | undefined;
let bare: FakeDiscord | undefined;

afterEach(async () => {
  await world?.close();
  await bare?.close();
  world = undefined;
  bare = undefined;
});

function restFor(fake: FakeDiscord, token = TOKEN): REST {
  return new REST({ api: fake.apiUrl, retries: 0 }).setToken(token);
}

/** `[status, code, message]` of a rejected REST call. */
function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => "accepted",
    (error: DiscordAPIError) => [error.status, error.code, error.message],
  );
}

const APPLY_DEFINITION = {
  name: "nextstep",
  description: "Your job hunt, one next step at a time",
  options: [
    {
      type: 1,
      name: "apply",
      description: "Log an application",
      options: [{ type: 3, name: "company", description: "Company", required: true, autocomplete: true }],
    },
  ],
};

describe("fake Discord: interaction callbacks as Discord enforces them", () => {
  it("GIVEN an interaction WHEN answered twice, with a wrong token, or followed up before any answer THEN 40060, 10062 and 10015", async () => {
    world = await startWorld();
    const payload = applyCommand();
    world.fake.dispatchInteraction(payload);
    const rest = restFor(world.fake);
    const reply = { body: { type: 4, data: { content: "hi" } }, auth: false };

    expect(
      await refusal(rest.post(Routes.webhook(APP, payload.token), { body: { content: "early" }, auth: false })),
    ).toEqual([404, 10015, "Unknown Webhook"]);
    expect(await refusal(rest.post(Routes.interactionCallback(payload.id, "not-the-token"), reply))).toEqual([
      404,
      10062,
      "Unknown interaction",
    ]);
    await rest.post(Routes.interactionCallback(payload.id, payload.token), reply);
    expect(await refusal(rest.post(Routes.interactionCallback(payload.id, payload.token), reply))).toEqual([
      400,
      40060,
      "Interaction has already been acknowledged.",
    ]);
    expect(world.fake.interactionResponses(payload.id)).toHaveLength(1);
  });

  it("GIVEN a callback later than the deadline THEN 10062 Unknown interaction, as after Discord's 3 seconds", async () => {
    let now = 0;
    world = await startWorld({ fake: { interactionDeadlineMs: 3_000, now: () => now } });
    const payload = applyCommand();
    const late = world.handleNext(async (interaction) => {
      now += 3_001;
      return interaction.isRepliable() && interaction.reply("too late");
    });
    world.fake.dispatchInteraction(payload);

    await expect(late).rejects.toMatchObject({ code: 10062, status: 404 });
    expect(world.fake.interactionResponses(payload.id)).toEqual([]);
  });

  it("GIVEN 26 autocomplete choices or a wrong callback type THEN 50035 Invalid Form Body naming the field", async () => {
    world = await startWorld();
    const rest = restFor(world.fake);
    const payload = applyCommand();
    world.fake.dispatchInteraction(payload);
    const choices = Array.from({ length: 26 }, (_, index) => ({ name: `c${index}`, value: `c${index}` }));
    const callback = Routes.interactionCallback(payload.id, payload.token);

    const wrongType = await refusal(rest.post(callback, { body: { type: 8, data: { choices } }, auth: false }));
    expect(wrongType).toEqual([
      400,
      50035,
      "Invalid Form Body\ntype[INTERACTION_RESPONSE_TYPE_INVALID]: Interaction response type is invalid",
    ]);
    const typing = autocompleteInteraction({
      applicationId: APP,
      guildId: ACME,
      user: ADA,
      subcommand: "round",
      focused: { name: "company", value: "I" },
    });
    world.fake.dispatchInteraction(typing);
    const tooMany = await refusal(
      rest.post(Routes.interactionCallback(typing.id, typing.token), {
        body: { type: 8, data: { choices } },
        auth: false,
      }),
    );
    expect(tooMany).toEqual([
      400,
      50035,
      "Invalid Form Body\ndata.choices[BASE_TYPE_MAX_LENGTH]: Must be 25 or fewer in length.",
    ]);
  });
});

describe("fake Discord: command registration", () => {
  it("GIVEN a bulk overwrite of guild commands WHEN repeated THEN stored with ids that survive, GET returns them, and every PUT is counted", async () => {
    bare = await createFakeDiscord({ applicationId: APP, token: TOKEN });
    bare.addGuild({ id: ACME, name: "Acme", ownerId: ADA.id, channels: [] });
    const rest = restFor(bare);
    const route = Routes.applicationGuildCommands(APP, ACME);

    const [first] = (await rest.put(route, { body: [APPLY_DEFINITION] })) as { id: string }[];
    const [second] = (await rest.put(route, { body: [APPLY_DEFINITION] })) as { id: string }[];

    expect(second?.id).toBe(first?.id);
    expect(await rest.get(route)).toMatchObject([
      { ...APPLY_DEFINITION, id: first?.id, application_id: APP, guild_id: ACME, type: 1 },
    ]);
    expect(bare.commands(ACME)).toHaveLength(1);
    expect(bare.commands()).toEqual([]);
    expect(bare.commandPuts()).toHaveLength(2);
    expect(bare.commandPuts()[0]).toMatchObject({ authorization: `Bot ${TOKEN}`, body: [APPLY_DEFINITION] });
  });

  it("GIVEN an invalid definition, another application or a guild the bot is not in THEN 50035 with the field, and 50001", async () => {
    bare = await createFakeDiscord({ applicationId: APP, token: TOKEN });
    const rest = restFor(bare);
    const shouting = { ...APPLY_DEFINITION, name: "NextStep" };

    expect(await refusal(rest.put(Routes.applicationCommands(APP), { body: [shouting] }))).toEqual([
      400,
      50035,
      "Invalid Form Body\n0.name[APPLICATION_COMMAND_INVALID_NAME]: Command name is invalid",
    ]);
    expect(await refusal(rest.put(Routes.applicationCommands("1100000000000000999"), { body: [] }))).toEqual([
      403,
      50001,
      "Missing Access",
    ]);
    expect(await refusal(rest.get(Routes.applicationGuildCommands(APP, ACME)))).toEqual([403, 50001, "Missing Access"]);
    expect(bare.commandPuts()).toHaveLength(2);
  });
});

describe("fake Discord: authentication and unknown routes", () => {
  it("GIVEN a wrong token THEN REST answers 401 and the client's login fails with TokenInvalid; an unknown route is 404 code 0, recorded", async () => {
    bare = await createFakeDiscord({ applicationId: APP, token: TOKEN });

    expect(await refusal(restFor(bare, "wrong").get(Routes.user("@me")))).toEqual([401, 0, "401: Unauthorized"]);
    const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: bare.apiUrl } });
    await expect(client.login("wrong")).rejects.toMatchObject({ code: "TokenInvalid" });
    await client.destroy();
    expect(await refusal(restFor(bare).get("/nonsense/route"))).toEqual([404, 0, "404: Not Found"]);
    expect(bare.requestsTo("GET", /^\/nonsense\/route$/)).toMatchObject([{ status: 404 }]);
  });
});

describe("fake Discord: shards", () => {
  it("GIVEN two recommended shards WHEN the client logs in THEN each shard gets its own guilds and interactions reach the owning shard", async () => {
    bare = await createFakeDiscord({ applicationId: APP, token: TOKEN, shardCount: 2, maxConcurrency: 2 });
    const onShard = (shard: bigint) => String((4000n + shard) << 22n);
    bare.addGuild({
      id: onShard(0n),
      name: "Even",
      ownerId: ADA.id,
      channels: [{ id: "1300000000000000010", name: "a" }],
    });
    bare.addGuild({
      id: onShard(1n),
      name: "Odd",
      ownerId: ADA.id,
      channels: [{ id: "1300000000000000011", name: "b" }],
    });
    const client = await startDiscordClient(bare, { token: TOKEN, shards: "auto" });
    try {
      expect(bare.gateway.identifies.map((identify) => identify.shard).sort()).toEqual([
        [0, 2],
        [1, 2],
      ]);
      expect(client.guilds.cache.get(onShard(1n))?.shardId).toBe(1);
      const payload = chatInputInteraction({
        applicationId: APP,
        guildId: onShard(1n),
        channelId: "1300000000000000011",
        user: ADA,
      });
      const seen = new Promise<number | undefined>((resolve) =>
        client.once("interactionCreate", (interaction) => resolve(interaction.guild?.shardId)),
      );
      bare.dispatchInteraction(payload);
      expect(await seen).toBe(1);
    } finally {
      await client.destroy();
    }
  });
});
