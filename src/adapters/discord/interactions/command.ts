/** `/nextstep [group] <subcommand>`: the options become the core command's named values. */
import type { ChatInputCommandInteraction, CommandInteractionOption } from "discord.js";
import { valuesOfShortcut } from "../../../core/commands/spec.ts";
import { OUTSIDE_A_WORKSPACE } from "../../../core/outside-workspace.ts";
import { commandFromPlacement } from "../definitions.ts";
import { EPHEMERAL, renderDiscord } from "../render.ts";
import { shortcutFromPlacement } from "../shortcut-placement.ts";
import type { OptionValues } from "./bot-calls.ts";
import { answerInteraction, type InteractionContext, userOf } from "./context.ts";

/** The chosen subcommand's options as name → value (channels arrive as their id). */
export function optionValues(data: readonly CommandInteractionOption[]): OptionValues {
  const values: Record<string, string | number | undefined> = {};
  const visit = (options: readonly CommandInteractionOption[]) => {
    for (const option of options) {
      if (option.options) visit(option.options);
      else if (option.value !== undefined && option.value !== null && typeof option.value !== "boolean") {
        values[option.name] = option.value;
      }
    }
  };
  visit(data);
  return values;
}

export async function nextstepCommand(
  context: InteractionContext,
  interaction: ChatInputCommandInteraction,
): Promise<void> {
  if (!interaction.guildId) {
    await interaction.reply({ ...renderDiscord(OUTSIDE_A_WORKSPACE), flags: EPHEMERAL });
    return;
  }
  const group = interaction.options.getSubcommandGroup(false);
  const subcommand = interaction.options.getSubcommand();
  const values = optionValues(interaction.options.data);
  // A shortcut (`settings channel`) is its command with the words it stands for given.
  const shortcut = shortcutFromPlacement(context.calls.commands, group, subcommand);
  // A subcommand no longer in the table (an old registration) reaches the core by its own name, which it refuses.
  const work = context.calls.runNamed(
    interaction.guildId,
    interaction.guild?.name,
    userOf(interaction),
    shortcut?.command.name ?? commandFromPlacement(group, subcommand) ?? subcommand,
    shortcut ? valuesOfShortcut(shortcut.command, shortcut.shortcut, values) : values,
  );
  await answerInteraction(context, interaction, interaction.guildId, work);
}
