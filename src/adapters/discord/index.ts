/** The Discord adapter: a discord.js client (Guilds intent only) that answers `/nextstep` and delivers through REST. */

import { Client, Events, GatewayIntentBits, REST } from "discord.js";
import type { DiscordConfig } from "../../config.ts";
import type { Bot } from "../../core/bot.ts";
import { systemTimers, type Timers } from "../../core/deadline.ts";
import type { DeliveryPort } from "../../core/delivery/port.ts";
import { errorFacts } from "../../core/error-facts.ts";
import type { Logger } from "../../core/logger.ts";
import type { WorkspaceLifecycle } from "../../core/workspace-lifecycle.ts";
import { createChannelGuilds } from "./channel-guilds.ts";
import { createDiscordDelivery } from "./delivery.ts";
import { listenToGuildMembership } from "./guild-events.ts";
import { createDiscordBotCalls } from "./interactions/bot-calls.ts";
import { createInteractionRouter } from "./interactions/router.ts";
import { NO_MENTIONS } from "./render.ts";
import { checkedLogin } from "./start-check.ts";

export interface DiscordAdapterConfig {
  discord: DiscordConfig;
  bot: Bot;
  logger: Logger;
  defaultTimezone: string;
  /** What the app's removal and return mean for a workspace (one for every adapter of the process). */
  lifecycle: WorkspaceLifecycle;
  /** How long the core may take before a reply is deferred. */
  replyDeadlineMs?: number;
  /** Timers for that deadline (tests fire them by hand). */
  timers?: Timers;
}

export interface DiscordAdapter {
  readonly delivery: DeliveryPort;
  /** Logs in and resolves when the gateway says ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createDiscordAdapter(config: DiscordAdapterConfig): DiscordAdapter {
  const { discord } = config;
  const log = config.logger.child({ adapter: "discord" });
  const api = discord.apiUrl ? { api: discord.apiUrl } : {};
  // Interactions need no privileged intents; Guilds tells us when the bot joins or leaves a server.
  // No send through the client may ping (renderDiscord says so too; this covers whatever it does not build).
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: api, allowedMentions: NO_MENTIONS });
  // Deliveries surface rate limits instead of waiting inside the client: the outbox reschedules them.
  const deliveryRest = new REST({ ...api, retries: 0, offset: 0, rejectOnRateLimit: () => true }).setToken(
    discord.token,
  );
  // Where each channel lives, asked when an admin sets one and checked again before every post.
  const channels = createChannelGuilds(deliveryRest);
  client.on(
    Events.InteractionCreate,
    createInteractionRouter({
      calls: createDiscordBotCalls(config.bot, config.defaultTimezone, channels),
      logger: log,
      replyDeadlineMs: config.replyDeadlineMs ?? 2_000,
      timers: config.timers ?? systemTimers,
    }),
  );
  const { lifecycle } = config;
  listenToGuildMembership(client, lifecycle, config.defaultTimezone, log);
  client.on(Events.Error, (error) => log.error({ err: errorFacts(error) }, "Discord client error"));

  return {
    delivery: createDiscordDelivery(deliveryRest, channels),
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await checkedLogin(() => client.login(discord.token));
      await ready;
      log.info({ guilds: client.guilds.cache.size }, "Discord adapter ready");
    },
    async stop() {
      await client.destroy();
    },
  };
}
