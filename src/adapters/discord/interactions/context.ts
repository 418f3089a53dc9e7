/** What every Discord interaction handler is built with, and the one way they answer: before Discord's deadline, else deferred. */
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  PermissionFlagsBits,
} from "discord.js";
import type { BotUser } from "../../../core/bot.ts";
import { answerBeforeDeadline, type Timers } from "../../../core/deadline.ts";
import type { Logger } from "../../../core/logger.ts";
import type { BotMessage } from "../../../core/model.ts";
import { EPHEMERAL, renderDiscord } from "../render.ts";
import type { DiscordBotCalls } from "./bot-calls.ts";

export interface InteractionContext {
  calls: DiscordBotCalls;
  logger: Logger;
  /** How long the core may take before the reply is deferred and edited in. */
  replyDeadlineMs: number;
  timers: Timers;
}

/** The member as the core sees them; Manage Server makes them a workspace admin; their client's language hints at 3/12. */
export function userOf(interaction: Interaction): BotUser {
  return {
    externalId: interaction.user.id,
    displayName: interaction.user.globalName ?? interaction.user.username,
    locale: interaction.locale,
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
  };
}

/**
 * Answers with `work`'s reply, its buttons bound to the member in `guildId`. Discord drops an interaction not answered
 * within 3 seconds, so past the deadline the reply is deferred (ephemeral) at once and edited in when ready.
 */
export async function answerInteraction(
  context: InteractionContext,
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  guildId: string,
  work: Promise<BotMessage>,
): Promise<void> {
  const binding = { guildId, owner: interaction.user.id };
  await answerBeforeDeadline(
    work,
    context.replyDeadlineMs,
    {
      reply: async (message) => {
        await interaction.reply(renderDiscord(message, binding));
      },
      defer: async () => {
        await interaction.deferReply({ flags: EPHEMERAL });
      },
      replyLate: async (message) => {
        // The deferral already made the answer ephemeral; an edit may not carry flags.
        const { flags: _alreadySet, ...late } = renderDiscord(message, binding);
        await interaction.editReply(late);
      },
    },
    context.timers,
  );
}
