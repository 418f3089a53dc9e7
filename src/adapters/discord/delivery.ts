/** The Discord delivery port over REST: DMs through the user's DM channel, posts to (and deletes from) the guild's celebration channel. */
import { type REST, Routes } from "discord.js";
import { z } from "zod";
import type { DeliveryPort } from "../../core/delivery/port.ts";
import { isUnknownMessage, toDeliveryError } from "./errors.ts";
import { renderDiscord, restBody } from "./render.ts";

/** The part of Discord's answer to "open a DM" that delivery needs. */
const DM_CHANNEL = z.object({ id: z.string() });
/** The part of a posted message that taking it back needs. */
const POSTED_MESSAGE = z.object({ id: z.string() });

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
        await rest.delete(Routes.channelMessage(address.channel, ref));
      } catch (error) {
        // Already deleted (by a moderator, or by an earlier attempt that timed out): what was asked is done.
        if (isUnknownMessage(error)) return;
        throw toDeliveryError(error);
      }
    },
  };
}
