/** The guilds, channels and members the fake Discord self-tests share, and a logged-in client to drive. */
import type { Client, Interaction, RESTOptions } from "discord.js";
import { createFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from "../fakes/fake-discord.ts";
import { chatInputInteraction, MANAGER_PERMISSIONS } from "./discord-payloads.ts";
import { startDiscordClient } from "./discord-test-client.ts";

export const APP = "1100000000000000001";
export const TOKEN = "fake-bot-token";
export const ACME = "1200000000000000001";
export const BETA = "1200000000000000002";
export const WINS = "1300000000000000001";
export const QUIET = "1300000000000000002";
export const HIDDEN = "1300000000000000003";
export const BETA_GENERAL = "1300000000000000004";
export const ADA = { id: "1400000000000000001", username: "ada" };
export const BOB = { id: "1400000000000000002", username: "bob" };

export interface World {
  fake: FakeDiscord;
  client: Client;
  /** Runs `act` on the next interaction the client emits; resolves with its result or rejects with its error. */
  handleNext<T>(act: (interaction: Interaction) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Acme (wins, a read-only and a hidden channel; Ada manages it, Bob is a member) and Beta, with a ready client. */
export async function startWorld(
  options: { rest?: Partial<RESTOptions>; fake?: Partial<FakeDiscordOptions> } = {},
): Promise<World> {
  const fake = await createFakeDiscord({
    applicationId: APP,
    token: TOKEN,
    heartbeatIntervalMs: 1_000,
    ...options.fake,
  });
  fake.addGuild({
    id: ACME,
    name: "Acme Guild",
    ownerId: ADA.id,
    channels: [
      { id: WINS, name: "wins" },
      { id: QUIET, name: "announcements", access: "read-only" },
      { id: HIDDEN, name: "mods", access: "none" },
    ],
    members: [{ ...ADA, permissions: MANAGER_PERMISSIONS }, BOB],
  });
  fake.addGuild({ id: BETA, name: "Beta", ownerId: BOB.id, channels: [{ id: BETA_GENERAL, name: "general" }] });
  const client = await startDiscordClient(fake, { token: TOKEN, ...(options.rest ? { rest: options.rest } : {}) });
  return {
    fake,
    client,
    handleNext: (act) =>
      new Promise((resolve, reject) => {
        client.once("interactionCreate", (interaction) => act(interaction).then(resolve, reject));
      }),
    close: async () => {
      await client.destroy();
      await fake.close();
    },
  };
}

/** `/nextstep apply company:Initech` by Ada in #wins. */
export function applyCommand(options: { memberPermissions?: string } = {}) {
  return chatInputInteraction({
    applicationId: APP,
    guildId: ACME,
    channelId: WINS,
    user: ADA,
    memberPermissions: options.memberPermissions,
    subcommand: "apply",
    options: [{ name: "company", value: "Initech" }],
  });
}
