/** Whether a channel is one of a team's, asked of Slack with that team's own token: another team's channel is not found. */
import type { WebClient } from "@slack/web-api";
import type { ChannelVerdict } from "../../core/request-place.ts";
import { slackErrorCode } from "./errors.ts";

/** Slack's answers meaning the team's token sees no such channel. */
const NOT_HERE = new Set(["channel_not_found", "invalid_channel"]);

export function createChannelCheck(
  clientFor: (teamId: string) => Promise<WebClient>,
): (teamId: string, channel: string) => Promise<ChannelVerdict> {
  return async (teamId, channel) => {
    try {
      const client = await clientFor(teamId);
      const answer = await client.conversations.info({ channel });
      return answer.channel?.id === channel ? "here" : "elsewhere";
    } catch (error) {
      return NOT_HERE.has(slackErrorCode(error) ?? "") ? "elsewhere" : "unknown";
    }
  };
}
