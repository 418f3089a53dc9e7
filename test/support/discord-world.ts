/** A Discord world for end-to-end tests: the real discord.js adapter over a migrated PGlite, against a local fake Discord. */
import type { ApplicationCommandOptionType, Locale } from "discord.js";
import { createDiscordAdapter } from "../../src/adapters/discord/index.ts";
import { type Bot, createBot } from "../../src/core/bot.ts";
import type { Timers } from "../../src/core/deadline.ts";
import { createDispatcher, type Dispatcher } from "../../src/core/delivery/dispatcher.ts";
import { type Logger, silentLogger } from "../../src/core/logger.ts";
import { createWorkspaceLifecycle } from "../../src/core/workspace-lifecycle.ts";
import type { Database } from "../../src/db/open.ts";
import { createPrismaJobStore } from "../../src/db/prisma-job-store.ts";
import { createPrismaStore } from "../../src/db/prisma-store.ts";
import type { JobStore } from "../../src/jobs/store.ts";
import { createFakeDiscord, type FakeDiscord } from "../fakes/fake-discord.ts";
import type { FakeInteractionResponse } from "../fakes/fake-discord-interactions.ts";
import {
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  MANAGER_PERMISSIONS,
  snowflake,
} from "./discord-payloads.ts";
import { type ObservedLifecycle, observeLifecycle } from "./lifecycle-events.ts";

export const APP = "1100000000000000001";
export const TOKEN = "fake-bot-token";
export const GUILD = "1200000000000000001";
export const OTHER_GUILD = "1200000000000000002";
export const WINS = "1300000000000000001";
export const OTHER_WINS = "1300000000000000002";
export const ADA = { id: "1400000000000000001", username: "ada" };
export const BOB = { id: "1400000000000000002", username: "bob" };
export const START = new Date("2026-11-23T10:00:00.000Z");

/** A command option; its type is read from the value unless given (a channel option says so). */
type Option = { name: string; value: string | number; type?: ApplicationCommandOptionType };

export interface DiscordWorld {
  fake: FakeDiscord;
  db: Database;
  clock: { now(): Date; advance(ms: number): void };
  dispatcher: Dispatcher;
  jobStore: JobStore;
  /** The adapter's workspace lifecycle, observed: await a removal or return instead of polling for it. */
  lifecycle: ObservedLifecycle;
  /** `/nextstep [group] <sub> …` by `user` (in a DM when `guildId` is null); resolves with the first answer (the callback). */
  command(
    sub: string,
    options?: Option[],
    spec?: { user?: typeof ADA; guildId?: string | null; group?: string; admin?: boolean; locale?: `${Locale}` },
  ): Promise<{ id: string; first: FakeInteractionResponse }>;
  autocomplete(
    sub: string,
    focused: { name: string; value: string },
    user?: typeof ADA,
  ): Promise<FakeInteractionResponse>;
  click(customId: string, user?: typeof ADA, guildId?: string): Promise<{ id: string; first: FakeInteractionResponse }>;
  close(): Promise<void>;
}

export async function startDiscordWorld(options: {
  db: Database;
  wrapBot?: (bot: Bot) => Bot;
  replyDeadlineMs?: number;
  /** Timers for the reply deadline (default: real ones). */
  timers?: Timers;
  /** The adapter's logger (default: silent). */
  logger?: Logger;
}): Promise<DiscordWorld> {
  const { db } = options;
  const fake = await createFakeDiscord({
    applicationId: APP,
    token: TOKEN,
    heartbeatIntervalMs: 45_000,
    interactionDeadlineMs: 15_000,
  });
  fake.addGuild({
    id: GUILD,
    name: "Cohort 12",
    ownerId: ADA.id,
    channels: [{ id: WINS, name: "wins" }],
    members: [{ ...ADA, permissions: MANAGER_PERMISSIONS }, BOB],
  });
  fake.addGuild({
    id: OTHER_GUILD,
    name: "Career Club",
    ownerId: BOB.id,
    channels: [{ id: OTHER_WINS, name: "wins" }],
  });
  let now = START.getTime();
  const clock = {
    now: () => new Date(now),
    advance: (ms: number) => {
      now += ms;
    },
  };
  const store = createPrismaStore(db, { clock });
  const realBot = createBot({ store, clock, logger: silentLogger });
  const lifecycle = observeLifecycle(createWorkspaceLifecycle({ store, clock, logger: silentLogger, graceDays: 30 }));
  const adapter = createDiscordAdapter({
    discord: { token: TOKEN, applicationId: APP, guildId: undefined, apiUrl: fake.apiUrl },
    bot: options.wrapBot ? options.wrapBot(realBot) : realBot,
    logger: options.logger ?? silentLogger,
    defaultTimezone: "UTC",
    lifecycle: lifecycle.lifecycle,
    replyDeadlineMs: options.replyDeadlineMs,
    timers: options.timers,
  });
  await adapter.start();
  const dispatcher = createDispatcher({
    queue: store.outbox,
    ports: { DISCORD: adapter.delivery },
    clock,
    logger: silentLogger,
  });

  async function send(payload: { id: string }) {
    fake.dispatchInteraction(payload);
    return { id: payload.id, first: await fake.waitForInteractionResponse(payload.id, 15_000) };
  }

  return {
    fake,
    db,
    clock,
    dispatcher,
    jobStore: createPrismaJobStore(db.prisma),
    lifecycle,
    command: (sub, commandOptions = [], spec = {}) =>
      send(
        chatInputInteraction({
          id: snowflake(),
          applicationId: APP,
          user: spec.user ?? ADA,
          guildId: spec.guildId === null ? undefined : (spec.guildId ?? GUILD),
          channelId: spec.guildId === OTHER_GUILD ? OTHER_WINS : WINS,
          memberPermissions: spec.admin ? MANAGER_PERMISSIONS : undefined,
          subcommand: sub,
          options: commandOptions,
          subcommandGroup: spec.group,
          locale: spec.locale,
        }),
      ),
    async autocomplete(sub, focused, user = ADA) {
      const payload = autocompleteInteraction({
        id: snowflake(),
        applicationId: APP,
        user,
        guildId: GUILD,
        channelId: WINS,
        subcommand: sub,
        focused,
      });
      fake.dispatchInteraction(payload);
      return fake.waitForInteractionResponse(payload.id, 15_000);
    },
    click: (customId, user = ADA, guildId) =>
      send(
        buttonInteraction({
          id: snowflake(),
          applicationId: APP,
          user,
          customId,
          ...(guildId ? { guildId, channelId: WINS } : { channelId: fake.dmChannelId(user.id) }),
        }),
      ),
    async close() {
      await adapter.stop();
      await fake.close();
    },
  };
}

/** Everything an answer shows, for assertions. */
export function shown(response: FakeInteractionResponse | undefined): string {
  return JSON.stringify(response?.data ?? "");
}
