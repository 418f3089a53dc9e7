/** The bot joining or leaving a server, translated into the core's neutral workspace events. */

import { type Client, Events } from "discord.js";
import { errorFacts } from "../../core/error-facts.ts";
import type { Logger } from "../../core/logger.ts";
import type { WorkspaceLifecycle } from "../../core/workspace-lifecycle.ts";

export function listenToGuildMembership(
  client: Client,
  lifecycle: WorkspaceLifecycle,
  defaultTimezone: string,
  logger: Logger,
): void {
  // discord.js emits guildCreate only for a server joined while connected, not for those announced at login.
  client.on(Events.GuildCreate, (guild) => {
    const identity = { platform: "DISCORD" as const, externalId: guild.id, name: guild.name, defaultTimezone };
    lifecycle
      .workspaceReturned(identity)
      .catch((error) =>
        logger.error({ err: errorFacts(error), guild: guild.id }, "could not record a server that added the bot"),
      );
  });
  client.on(Events.GuildDelete, (guild) => {
    // An unavailable guild is an outage, not a removal.
    if (!guild.available) return;
    lifecycle
      .workspaceRemoved({ platform: "DISCORD", externalId: guild.id })
      .catch((error) =>
        logger.error({ err: errorFacts(error), guild: guild.id }, "could not schedule a removed server's deletion"),
      );
  });
}
