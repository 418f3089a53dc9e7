/** The fake Discord driven by the real discord.js Client: login and readiness, heartbeats and resume, interactions and their answers. */
import {
  type Client,
  Events,
  GatewayIntentBits,
  type Interaction,
  MessageFlags,
  PermissionFlagsBits,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { autocompleteInteraction, buttonInteraction, MANAGER_PERMISSIONS } from "../support/discord-payloads.ts";
import {
  ACME,
  ADA,
  APP,
  applyCommand,
  BETA,
  BOB,
  HIDDEN,
  QUIET,
  startWorld,
  TOKEN,
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

const handleNext = <T>(act: (interaction: Interaction) => Promise<T>) => world.handleNext(act);

describe("fake Discord: login", () => {
  it("GIVEN two guilds WHEN the client logs in THEN /gateway/bot with the bot token, IDENTIFY with Guilds only, and both guilds available with roles, channels and the bot's member", async () => {
    expect(fake.requests[0]).toMatchObject({ method: "GET", path: "/gateway/bot", authorization: `Bot ${TOKEN}` });
    expect(fake.gateway.identifies).toEqual([{ token: TOKEN, intents: GatewayIntentBits.Guilds, shard: [0, 1] }]);
    expect(client.user?.id).toBe(APP);
    expect(client.application?.id).toBe(APP);
    const acme = client.guilds.cache.get(ACME);
    expect(acme?.available).toBe(true);
    expect(client.guilds.cache.get(BETA)?.name).toBe("Beta");
    expect(acme?.ownerId).toBe(ADA.id);
    expect([...(acme?.channels.cache.keys() ?? [])]).toEqual([WINS, QUIET, HIDDEN]);
    const me = acme?.members.me;
    expect(me?.id).toBe(APP);
    const permissionsIn = (id: string) => acme?.channels.cache.get(id)?.permissionsFor(me ?? APP);
    expect(permissionsIn(WINS)?.has(PermissionFlagsBits.SendMessages)).toBe(true);
    expect(permissionsIn(QUIET)?.has(PermissionFlagsBits.ViewChannel)).toBe(true);
    expect(permissionsIn(QUIET)?.has(PermissionFlagsBits.SendMessages)).toBe(false);
    expect(permissionsIn(HIDDEN)?.has(PermissionFlagsBits.ViewChannel)).toBe(false);
    expect(acme?.members.cache.get(ADA.id)?.permissions.has(PermissionFlagsBits.ManageGuild)).toBe(true);
    expect(acme?.members.cache.get(BOB.id)?.permissions.has(PermissionFlagsBits.ManageGuild)).toBe(false);
  });

  it("GIVEN a short heartbeat interval WHEN the client beats THEN the fake acks and the client measures its ping", async () => {
    // discord.js logs the acknowledgement, then records the latency as the ping in the same step.
    const acknowledged = new Promise<void>((resolve) =>
      client.on(Events.Debug, (message) => {
        if (message.includes("Heartbeat acknowledged")) resolve();
      }),
    );
    await fake.gateway.waitForFrame(1);
    await acknowledged;
    expect(client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it("GIVEN op 7 Reconnect WHEN the client reconnects THEN it RESUMEs its session and interactions keep arriving", async () => {
    fake.gateway.requestReconnect();
    await fake.gateway.waitForFrame(6, 5000);
    // The fake takes the RESUME's socket as the session's before it reports the frame.
    expect(fake.gateway.openShards()).toEqual([[0, 1]]);
    const payload = applyCommand();
    const handled = handleNext(async (interaction) => interaction.isChatInputCommand() && interaction.reply("again"));
    fake.dispatchInteraction(payload);
    await handled;
    expect(fake.interactionResponses(payload.id)).toMatchObject([{ kind: "callback", type: 4 }]);
    expect(fake.gateway.identifies).toHaveLength(1);
  });
});

describe("fake Discord: interactions", () => {
  it("GIVEN /nextstep apply in a guild WHEN the handler replies ephemerally THEN callback type 4 with flags 64, sent without Authorization and with with_response=false", async () => {
    const payload = applyCommand({ memberPermissions: MANAGER_PERMISSIONS });
    const handled = handleNext(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error(`unexpected ${interaction.type}`);
      await interaction.reply({ content: "Applied to Initech", flags: MessageFlags.Ephemeral });
      return {
        subcommand: interaction.options.getSubcommand(),
        company: interaction.options.getString("company"),
        manager: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild),
        guildId: interaction.guildId,
        channelId: interaction.channelId,
        userId: interaction.user.id,
      };
    });
    fake.dispatchInteraction(payload);

    expect(await handled).toEqual({
      subcommand: "apply",
      company: "Initech",
      manager: true,
      guildId: ACME,
      channelId: WINS,
      userId: ADA.id,
    });
    expect(fake.interactionResponses(payload.id)).toMatchObject([
      { kind: "callback", type: 4, ephemeral: true, data: { content: "Applied to Initech", flags: 64 } },
    ]);
    const [callback] = fake.requestsTo("POST", /^\/interactions\/\d+\/[^/]+\/callback$/);
    expect(callback).toMatchObject({ authorization: undefined, query: { with_response: "false" }, status: 204 });
    expect(fake.visibleMessages(WINS)).toEqual([]);
  });

  it("GIVEN reply withResponse WHEN Discord answers 200 with interaction and resource THEN discord.js exposes the created message", async () => {
    const payload = applyCommand();
    const handled = handleNext(async (interaction) => {
      if (!interaction.isRepliable()) throw new Error("not repliable");
      return interaction.reply({ content: "Public cheer", withResponse: true });
    });
    fake.dispatchInteraction(payload);

    const response = await handled;
    expect(response.interaction.id).toBe(payload.id);
    expect(response.interaction.responseMessageEphemeral).toBe(false);
    expect(response.resource?.message?.content).toBe("Public cheer");
    expect(fake.visibleMessages(WINS).map((message) => message.content)).toEqual(["Public cheer"]);
  });

  it("GIVEN a slow answer WHEN the handler defers then edits THEN type 5 and a PATCH of @original (sent as %40original) replacing the thinking message", async () => {
    const payload = applyCommand();
    const handled = handleNext(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error("not a command");
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      return interaction.editReply({ content: "Done", embeds: [{ title: "Pipeline" }] });
    });
    fake.dispatchInteraction(payload);

    const edited = await handled;
    expect(edited.content).toBe("Done");
    expect(fake.interactionResponses(payload.id)).toMatchObject([
      { kind: "callback", type: 5, ephemeral: true, data: { flags: 64 } },
      { kind: "edit", ephemeral: true, data: { content: "Done", embeds: [{ title: "Pipeline" }] } },
    ]);
    const [patch] = fake.requestsTo("PATCH", /\/messages\/@original$/);
    expect(patch?.rawPath).toBe(`/api/v10/webhooks/${APP}/${payload.token}/messages/%40original`);
    expect(patch?.authorization).toBeUndefined();
  });

  it("GIVEN a public deferral WHEN the handler follows up twice THEN the first fills the deferred message and the second is a new one", async () => {
    const payload = applyCommand();
    const handled = handleNext(async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error("not a command");
      await interaction.deferReply();
      const first = await interaction.followUp({ content: "First", flags: MessageFlags.Ephemeral });
      const second = await interaction.followUp({ content: "Second", flags: MessageFlags.Ephemeral });
      return [first.flags.has(MessageFlags.Ephemeral), second.flags.has(MessageFlags.Ephemeral)];
    });
    fake.dispatchInteraction(payload);

    expect(await handled).toEqual([false, true]);
    expect(fake.visibleMessages(WINS).map((message) => message.content)).toEqual(["First"]);
  });

  it("GIVEN typing into an autocomplete option WHEN the handler responds THEN type 8 with the choices", async () => {
    const payload = autocompleteInteraction({
      applicationId: APP,
      guildId: ACME,
      channelId: WINS,
      user: ADA,
      subcommand: "round",
      focused: { name: "company", value: "Ini" },
    });
    const handled = handleNext(async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error("not autocomplete");
      await interaction.respond([{ name: "Initech", value: "initech" }]);
      return interaction.options.getFocused(true);
    });
    fake.dispatchInteraction(payload);

    expect(await handled).toMatchObject({ name: "company", value: "Ini" });
    expect(fake.interactionResponses(payload.id)).toMatchObject([
      { kind: "callback", type: 8, data: { choices: [{ name: "Initech", value: "initech" }] } },
    ]);
  });

  it("GIVEN a button on a DM WHEN the handler replies THEN the reply is accepted; without Partials.Channel the DM channel is not cached, and createDM answers the same id", async () => {
    const dmChannelId = fake.dmChannelId(BOB.id);
    const payload = buttonInteraction({
      applicationId: APP,
      user: BOB,
      customId: "invited:42",
      channelId: dmChannelId,
    });
    const handled = handleNext(async (interaction) => {
      if (!interaction.isButton()) throw new Error("not a button");
      await interaction.reply({ content: "Congratulations!" });
      const { customId, guildId, channelId, channel, user } = interaction;
      return { customId, guildId, channelId, channel, userId: user.id };
    });
    fake.dispatchInteraction(payload);

    expect(await handled).toEqual({
      customId: "invited:42",
      guildId: null,
      channelId: dmChannelId,
      channel: null,
      userId: BOB.id,
    });
    expect(fake.interactionResponses(payload.id)).toMatchObject([{ kind: "callback", type: 4, ephemeral: false }]);
    expect((await client.users.createDM(BOB.id)).id).toBe(dmChannelId);
  });

  it("GIVEN a button on an ephemeral reply in a guild WHEN the handler updates the message THEN type 7 with the new content", async () => {
    const payload = buttonInteraction({
      applicationId: APP,
      guildId: ACME,
      channelId: WINS,
      user: ADA,
      customId: "stage:offer",
    });
    const handled = handleNext(async (interaction) => {
      if (!interaction.isButton()) throw new Error("not a button");
      await interaction.update({ content: "Moved to offer", components: [] });
      return interaction.message.flags.has(MessageFlags.Ephemeral);
    });
    fake.dispatchInteraction(payload);

    expect(await handled).toBe(true);
    expect(fake.interactionResponses(payload.id)).toMatchObject([
      { kind: "callback", type: 7, ephemeral: true, data: { content: "Moved to offer", components: [] } },
    ]);
  });
});
