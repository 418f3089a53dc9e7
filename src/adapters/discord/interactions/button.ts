/** Buttons on Next Step's messages: each carries its guild, its owner and a command line, run only for that owner. */
import type { ButtonInteraction } from "discord.js";
import { refuseOthersButton } from "../../../core/button-owner.ts";
import { decodeCustomId, renderDiscord } from "../render.ts";
import { answerInteraction, type InteractionContext, userOf } from "./context.ts";

export async function button(context: InteractionContext, interaction: ButtonInteraction): Promise<void> {
  const target = decodeCustomId(interaction.customId);
  if (!target) return;
  const refusal = refuseOthersButton(target.owner, interaction.user.id);
  if (refusal) {
    await interaction.reply(renderDiscord(refusal));
    return;
  }
  // Buttons in DMs carry the guild they belong to; the member acts in that workspace, though a DM revives nothing.
  const direct = interaction.guildId === null;
  const work = context.calls.runLine(target.guildId, userOf(interaction), target.command, direct);
  await answerInteraction(context, interaction, target.guildId, work);
}
