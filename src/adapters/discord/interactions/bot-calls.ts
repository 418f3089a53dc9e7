/** Every call the Discord adapter makes into the core's Bot, in one place: guild and user ids become the core's identities here. */
import type { Bot, BotUser } from "../../../core/bot.ts";
import type { BotMessage } from "../../../core/model.ts";
import type { WorkspaceIdentity } from "../../../core/ports.ts";

/** A slash command's options as name → value. */
export type OptionValues = Readonly<Record<string, string | number | undefined>>;

export interface DiscordBotCalls {
  /** Runs a core command with Discord's named options, as `user` of `guildId`. */
  runNamed(
    guildId: string,
    guildName: string | undefined,
    user: BotUser,
    command: string,
    values: OptionValues,
  ): Promise<BotMessage>;
  /** Runs a command line (a button's), as `user` of `guildId`. */
  runLine(guildId: string, user: BotUser, line: string): Promise<BotMessage>;
  /** The member's companies, for autocomplete. */
  companiesOf(guildId: string, user: BotUser): Promise<string[]>;
}

export function createDiscordBotCalls(bot: Bot, defaultTimezone: string): DiscordBotCalls {
  const identity = (guildId: string, name?: string): WorkspaceIdentity => ({
    platform: "DISCORD",
    externalId: guildId,
    name: name ?? guildId,
    defaultTimezone,
  });
  return {
    runNamed: (guildId, guildName, user, command, values) =>
      bot.handleNamed(identity(guildId, guildName), user, command, values).then((outcome) => outcome.message),
    runLine: (guildId, user, line) => bot.handleText(identity(guildId), user, line).then((outcome) => outcome.message),
    companiesOf: (guildId, user) => bot.companiesOf(identity(guildId), user),
  };
}
