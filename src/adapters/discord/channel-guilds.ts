/** Which server a channel belongs to, asked of Discord's REST API once per channel (a channel never moves between servers). */
import { type REST, Routes } from "discord.js";
import { z } from "zod";
import type { ChannelVerdict } from "../../core/request-place.ts";

/** The part of GET /channels/{id} that says where the channel lives; DM channels have no guild. */
const CHANNEL = z.object({ guild_id: z.string().nullish() });

/** Enough for every celebration channel one process serves; beyond it the oldest answer is asked again. */
const MAX_REMEMBERED = 5_000;

/** Discord's codes for a channel the bot can't see: unknown, or in a server it is not in. */
const NOT_VISIBLE = new Set([10003, 50001]);

export interface ChannelGuilds {
  /** The channel's server id, null for a channel in no server; throws Discord's error when it can't be read. */
  guildOf(channelId: string): Promise<string | null>;
  /** Whether the channel is one of `guildId`'s, as the core asks when an admin sets it. */
  verdict(guildId: string, channelId: string): Promise<ChannelVerdict>;
}

export function createChannelGuilds(rest: REST, maxRemembered = MAX_REMEMBERED): ChannelGuilds {
  const guilds = new Map<string, string | null>();

  async function guildOf(channelId: string): Promise<string | null> {
    if (guilds.has(channelId)) return guilds.get(channelId) ?? null;
    // A mention's id is digits; anything else would make a different route.
    if (!/^\d{1,20}$/.test(channelId)) throw Object.assign(new Error("Unknown Channel"), { code: 10003, status: 404 });
    const channel = CHANNEL.parse(await rest.get(Routes.channel(channelId)));
    if (guilds.size >= maxRemembered) guilds.delete(guilds.keys().next().value as string);
    guilds.set(channelId, channel.guild_id ?? null);
    return channel.guild_id ?? null;
  }

  return {
    guildOf,
    async verdict(guildId, channelId) {
      try {
        return (await guildOf(channelId)) === guildId ? "here" : "elsewhere";
      } catch (error) {
        const code = (error as { code?: unknown } | undefined)?.code;
        return typeof code === "number" && NOT_VISIBLE.has(code) ? "elsewhere" : "unknown";
      }
    },
  };
}
