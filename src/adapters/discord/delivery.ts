/** The Discord delivery port over REST: DMs through the user's DM channel, posts to (and deletes from) the guild's celebration channel. */
import { type REST, Routes } from "discord.js";
import { z } from "zod";
import { BoundedMap } from "../../core/bounded-map.ts";
import { type ChannelAddress, DeliveryError, type DeliveryPort } from "../../core/delivery/port.ts";
import type { ChannelGuilds } from "./channel-guilds.ts";
import { isUnknownMessage, toDeliveryError } from "./errors.ts";
import { renderDiscord, restBody } from "./render.ts";

/** The part of Discord's answer to "open a DM" that delivery needs. */
const DM_CHANNEL = z.object({ id: z.string() });
/** The part of a posted message that taking it back needs. */
const POSTED_MESSAGE = z.object({ id: z.string() });

export interface DiscordDeliveryOptions {
  /** How many members' DM channel ids are remembered (default 10,000); the least recent are looked up again. */
  dmCacheSize?: number;
}

/** One token serves every server: a channel stored for one server must never receive another's posts. */
async function checkChannel(channels: ChannelGuilds, address: ChannelAddress): Promise<void> {
  if ((await channels.guildOf(address.channel)) !== address.workspaceExternalId) {
    throw new DeliveryError("the channel is not in the workspace's server", "permanent", "channel_not_in_workspace");
  }
}

export function createDiscordDelivery(
  rest: REST,
  channels: ChannelGuilds,
  options: DiscordDeliveryOptions = {},
): DeliveryPort {
  // A user's DM channel never changes: one lookup per member, for the members heard from lately.
  const dmChannels = new BoundedMap<string, string>(options.dmCacheSize ?? 10_000);

  async function dmChannel(userId: string): Promise<string> {
    const known = dmChannels.get(userId);
    if (known) return known;
    const channel = DM_CHANNEL.parse(await rest.post(Routes.userChannels(), { body: { recipient_id: userId } }));
    dmChannels.set(userId, channel.id);
    return channel.id;
  }

  return {
    async sendDirect(address, message) {
      try {
        const channel = await dmChannel(address.memberExternalId);
        const body = restBody(
          renderDiscord(
            { ...message, private: false },
            { guildId: address.workspaceExternalId, owner: address.memberExternalId },
          ),
        );
        await rest.post(Routes.channelMessages(channel), { body });
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    async postToChannel(address, message) {
      try {
        await checkChannel(channels, address);
        const body = restBody(renderDiscord({ ...message, buttons: undefined, private: false }));
        const posted = POSTED_MESSAGE.safeParse(await rest.post(Routes.channelMessages(address.channel), { body }));
        // Discord always answers with the message; without its id the post still went out, just beyond taking back.
        return { ref: posted.success ? posted.data.id : "" };
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    async deleteFromChannel(address, ref) {
      try {
        await checkChannel(channels, address);
        await rest.delete(Routes.channelMessage(address.channel, ref));
      } catch (error) {
        // Already deleted (by a moderator, or by an earlier attempt that timed out): what was asked is done.
        if (isUnknownMessage(error)) return;
        throw toDeliveryError(error);
      }
    },
  };
}
