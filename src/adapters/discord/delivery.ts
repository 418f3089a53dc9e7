/** The Discord delivery port over REST: DMs through the user's DM channel, posts to the guild's celebration channel. */
import { type REST, Routes } from "discord.js";
import { z } from "zod";
import type { DeliveryPort } from "../../core/delivery/port.ts";
import { toDeliveryError } from "./errors.ts";
import { renderDiscord } from "./render.ts";

/** The part of Discord's answer to "open a DM" that delivery needs. */
const DM_CHANNEL = z.object({ id: z.string() });

export function createDiscordDelivery(rest: REST): DeliveryPort {
  // A user's DM channel never changes: one lookup per member.
  const dmChannels = new Map<string, string>();

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
        const body = renderDiscord(
          { ...message, private: false },
          { guildId: address.workspaceExternalId, owner: address.memberExternalId },
        );
        await rest.post(Routes.channelMessages(channel), { body });
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    async postToChannel(address, message) {
      try {
        const body = renderDiscord({ ...message, buttons: undefined, private: false });
        await rest.post(Routes.channelMessages(address.channel), { body });
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
  };
}
