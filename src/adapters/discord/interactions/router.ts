/** Routes each Discord interaction to its handler: autocomplete, `/nextstep`, buttons. Failures stop and are logged here. */

import type { Interaction } from "discord.js";
import { errorFacts } from "../../../core/error-facts.ts";
import { ROOT_COMMAND } from "../definitions.ts";
import { autocomplete } from "./autocomplete.ts";
import { button } from "./button.ts";
import { nextstepCommand } from "./command.ts";
import type { InteractionContext } from "./context.ts";

export function createInteractionRouter(context: InteractionContext): (interaction: Interaction) => Promise<void> {
  return async (interaction) => {
    try {
      if (interaction.isAutocomplete()) await autocomplete(context, interaction);
      else if (interaction.isChatInputCommand() && interaction.commandName === ROOT_COMMAND)
        await nextstepCommand(context, interaction);
      else if (interaction.isButton()) await button(context, interaction);
    } catch (error) {
      context.logger.error({ err: errorFacts(error), interaction: interaction.id }, "Discord interaction failed");
    }
  };
}
