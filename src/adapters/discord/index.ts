/** The Discord adapter: a discord.js client (Guilds intent only) that answers `/nextstep` and delivers through REST. */
import { Client, Events, GatewayIntentBits, REST } from "discord.js";
import type { DiscordConfig } from "../../config.ts";
import type { Bot } from "../../core/bot.ts";
import type { DeliveryPort } from "../../core/delivery/port.ts";
import type { Logger } from "../../core/logger.ts";
import type { Clock, Store } from "../../core/ports.ts";
import { createDiscordDelivery } from "./delivery.ts";
import { createInteractionHandler } from "./interactions.ts";

export interface DiscordAdapterConfig {
  discord: DiscordConfig;
  bot: Bot;
  store: Store;
  clock: Clock;
  logger: Logger;
  defaultTimezone: string;
  deletionGraceDays: number;
  /** How long the core may take before a reply is deferred. */
  replyDeadlineMs?: number;
}

export interface DiscordAdapter {
  readonly delivery: DeliveryPort;
  /** Logs in and resolves when the gateway says ready. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const DAY_MS = 86_400_000;

export function createDiscordAdapter(config: DiscordAdapterConfig): DiscordAdapter {
  const { discord } = config;
  const log = config.logger.child({ adapter: "discord" });
  const api = discord.apiUrl ? { api: discord.apiUrl } : {};
  // Interactions need no privileged intents; Guilds tells us when the bot is removed from a server.
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: api });
  client.on(Events.InteractionCreate, createInteractionHandler({ ...config, logger: log }));
  client.on(Events.GuildDelete, (guild) => {
    // An unavailable guild is an outage, not a removal.
    if (!guild.available) return;
    void (async () => {
      const workspace = await config.store.findWorkspace("DISCORD", guild.id);
      if (!workspace) return;
      const at = new Date(config.clock.now().getTime() + config.deletionGraceDays * DAY_MS);
      await config.store.scheduleWorkspaceDeletion(workspace.id, at);
      log.info(
        { guild: guild.id, deleteAt: at.toISOString() },
        "removed from a server; its data is scheduled for deletion",
      );
    })().catch((error) => log.error({ err: error, guild: guild.id }, "could not schedule a removed server's deletion"));
  });
  client.on(Events.Error, (error) => log.error({ err: error }, "Discord client error"));

  // Deliveries surface rate limits instead of waiting inside the client: the outbox reschedules them.
  const deliveryRest = new REST({ ...api, retries: 0, offset: 0, rejectOnRateLimit: () => true }).setToken(
    discord.token,
  );

  return {
    delivery: createDiscordDelivery(deliveryRest),
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      await client.login(discord.token);
      await ready;
      log.info({ guilds: client.guilds.cache.size }, "Discord adapter ready");
    },
    async stop() {
      await client.destroy();
    },
  };
}
