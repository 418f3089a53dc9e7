/** Every call the Slack adapter makes into the core's Bot, in one place: Slack's team and user ids become the core's identities here. */
import type { Bot, BotUser } from "../../../core/bot.ts";
import type { BotMessage } from "../../../core/model.ts";
import type { WorkspaceIdentity } from "../../../core/ports.ts";
import type { ChannelVerdict } from "../../../core/request-place.ts";

/** What a command answered, and whether it changed what the member's App Home shows. */
export interface CommandAnswer {
  reply: BotMessage;
  changed: boolean;
}

export interface SlackBotCalls {
  /** The core's identity of a Slack team (its domain names it when Slack sends one). */
  identity(teamId: string, teamDomain?: string): WorkspaceIdentity;
  /** Runs one command line as `user` of `teamId`. */
  run(teamId: string, user: BotUser, line: string, teamDomain?: string): Promise<CommandAnswer>;
  /** The member's overview sections for App Home. */
  home(teamId: string, user: BotUser): Promise<BotMessage[]>;
  /** The member's companies, for the log modal's picker. */
  companiesOf(teamId: string, user: BotUser): Promise<string[]>;
}

export function createSlackBotCalls(
  bot: Bot,
  defaultTimezone: string,
  /** Whether a channel is the team's, for `admin channel`. */
  channelVerdict: (teamId: string, channel: string) => Promise<ChannelVerdict>,
): SlackBotCalls {
  const identity = (teamId: string, teamDomain?: string): WorkspaceIdentity => ({
    platform: "SLACK",
    externalId: teamId,
    name: teamDomain ?? teamId,
    defaultTimezone,
  });
  return {
    identity,
    async run(teamId, user, line, teamDomain) {
      const place = { channelVerdict: (channel: string) => channelVerdict(teamId, channel) };
      const outcome = await bot.handleText(identity(teamId, teamDomain), user, line, place);
      return { reply: outcome.message, changed: outcome.changed };
    },
    home: (teamId, user) => bot.home(identity(teamId), user),
    companiesOf: (teamId, user) => bot.companiesOf(identity(teamId), user),
  };
}
