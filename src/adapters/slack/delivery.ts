/** The Slack delivery port: DMs through conversations.open + chat.postMessage, channel posts through chat.postMessage, retractions through chat.delete. */
import type { WebClient } from "@slack/web-api";
import { BoundedMap } from "../../core/bounded-map.ts";
import type { DeliveryPort } from "../../core/delivery/port.ts";
import { slackErrorCode, toDeliveryError } from "./errors.ts";
import { renderBlocks } from "./render.ts";

export interface SlackDeliveryOptions {
  /** A client acting as the bot in this Slack workspace (team). */
  clientFor(teamId: string): Promise<WebClient>;
  /** How many members' DM channel ids are remembered (default 10,000); the least recent are looked up again. */
  dmCacheSize?: number;
}

export function createSlackDelivery({ clientFor, dmCacheSize = 10_000 }: SlackDeliveryOptions): DeliveryPort {
  // DM channel ids never change for a user, so one conversations.open per member is enough.
  const dmChannels = new BoundedMap<string, string>(dmCacheSize);

  async function dmChannel(client: WebClient, teamId: string, userId: string): Promise<string> {
    const key = `${teamId}:${userId}`;
    const known = dmChannels.get(key);
    if (known) return known;
    const opened = await client.conversations.open({ users: userId });
    const channel = opened.channel?.id;
    if (!channel) throw new Error("conversations.open returned no channel");
    dmChannels.set(key, channel);
    return channel;
  }

  return {
    async sendDirect(address, message) {
      try {
        const client = await clientFor(address.workspaceExternalId);
        const channel = await dmChannel(client, address.workspaceExternalId, address.memberExternalId);
        await client.chat.postMessage({ channel, ...renderBlocks(message, address.memberExternalId) });
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    async postToChannel(address, message) {
      try {
        const client = await clientFor(address.workspaceExternalId);
        // Channel posts carry no buttons bound to anyone: the team only reads them.
        const posted = await client.chat.postMessage({
          channel: address.channel,
          ...renderBlocks({ ...message, buttons: undefined }),
        });
        // Slack's ok answer always has the ts; without one the post still went out, just beyond taking back.
        return { ref: posted.ts ?? "" };
      } catch (error) {
        throw toDeliveryError(error);
      }
    },
    async deleteFromChannel(address, ref) {
      try {
        const client = await clientFor(address.workspaceExternalId);
        // The bot may delete its own posts with chat:write; no other scope is needed.
        await client.chat.delete({ channel: address.channel, ts: ref });
      } catch (error) {
        // Already deleted (by someone in the channel, or by an earlier attempt that timed out): what was asked is done.
        if (slackErrorCode(error) === "message_not_found") return;
        throw toDeliveryError(error);
      }
    },
  };
}
