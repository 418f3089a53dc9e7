/** Every call the Discord adapter makes into the core's Bot, in one place: guild and user ids become the core's identities here. */
import type { Bot, BotUser } from "../../../core/bot.ts";
import type { Command } from "../../../core/commands/spec.ts";
import type { BotMessage } from "../../../core/model.ts";
import type { WorkspaceIdentity } from "../../../core/ports.ts";
import type { RequestPlace } from "../../../core/request-place.ts";
import type { ChannelGuilds } from "../channel-guilds.ts";

/** A slash command's options as name → value. */
export type OptionValues = Readonly<Record<string, string | number | undefined>>;

export interface DiscordBotCalls {
  /** The core's command table, for the shortcuts placed under `/nextstep`. */
  readonly commands: readonly Command[];
  /** Runs a core command with Discord's named options, as `user` of `guildId`. */
  runNamed(
    guildId: string,
    guildName: string | undefined,
    user: BotUser,
    command: string,
    values: OptionValues,
  ): Promise<BotMessage>;
  /** Runs a command line (a button's), as `user` of `guildId`; `direct` when pressed in a DM, which revives nothing. */
  runLine(guildId: string, user: BotUser, line: string, direct: boolean): Promise<BotMessage>;
  /** The member's companies, for autocomplete. */
  companiesOf(guildId: string, user: BotUser): Promise<string[]>;
}

export function createDiscordBotCalls(bot: Bot, defaultTimezone: string, channels: ChannelGuilds): DiscordBotCalls {
  const identity = (guildId: string, name?: string): WorkspaceIdentity => ({
    platform: "DISCORD",
    externalId: guildId,
    name: name ?? guildId,
    defaultTimezone,
  });
  // Where the guild's own channels are told from others', for `admin channel`.
  const placeOf = (guildId: string, direct: boolean): RequestPlace => ({
    direct,
    channelVerdict: (channel) => channels.verdict(guildId, channel),
  });
  return {
    commands: bot.commands,
    runNamed: (guildId, guildName, user, command, values) =>
      bot
        .handleNamed(identity(guildId, guildName), user, command, values, placeOf(guildId, false))
        .then((outcome) => outcome.message),
    runLine: (guildId, user, line, direct) =>
      bot.handleText(identity(guildId), user, line, placeOf(guildId, direct)).then((outcome) => outcome.message),
    companiesOf: (guildId, user) => bot.companiesOf(identity(guildId), user),
  };
}
