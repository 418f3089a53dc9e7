/** Discord interactions in, core calls out: `/nextstep` subcommands, autocomplete and buttons. */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
  type Interaction,
  PermissionFlagsBits,
} from "discord.js";
import type { Bot, BotUser } from "../../core/bot.ts";
import type { Logger } from "../../core/logger.ts";
import type { BotMessage } from "../../core/model.ts";
import type { WorkspaceIdentity } from "../../core/ports.ts";
import { commandFromPlacement, ROOT_COMMAND } from "./definitions.ts";
import { decodeCustomId, EPHEMERAL, renderDiscord } from "./render.ts";

export interface InteractionDependencies {
  bot: Bot;
  logger: Logger;
  defaultTimezone: string;
  /** How long the core may take before the reply is deferred and edited in. */
  replyDeadlineMs?: number;
}

const TIMEZONES: readonly string[] = Intl.supportedValuesOf("timeZone");
const NOT_YOURS = "That button belongs to someone else's message, so I left it alone.";

export function createInteractionHandler(deps: InteractionDependencies): (interaction: Interaction) => Promise<void> {
  const { bot, logger } = deps;
  const deadline = deps.replyDeadlineMs ?? 2_000;
  const identity = (guildId: string, name?: string): WorkspaceIdentity => ({
    platform: "DISCORD",
    externalId: guildId,
    name: name ?? guildId,
    defaultTimezone: deps.defaultTimezone,
  });
  const userOf = (interaction: Interaction): BotUser => ({
    externalId: interaction.user.id,
    displayName: interaction.user.globalName ?? interaction.user.username,
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
  });

  async function answer(
    interaction: ChatInputCommandInteraction | ButtonInteraction,
    guildId: string,
    work: Promise<BotMessage>,
  ): Promise<void> {
    const binding = { guildId, owner: interaction.user.id };
    const quick = await Promise.race([work, sleep(deadline).then(() => undefined)]);
    if (quick) {
      await interaction.reply(renderDiscord(quick, binding) as never);
      return;
    }
    // Discord drops an interaction not answered within 3 seconds: defer now, edit the answer in later.
    await interaction.deferReply({ flags: EPHEMERAL });
    const { flags: _ephemeralAlreadySet, ...late } = renderDiscord(await work, binding);
    await interaction.editReply(late as never);
  }

  async function command(interaction: ChatInputCommandInteraction): Promise<void> {
    if (!interaction.guildId) {
      await interaction.reply({ content: "Use Next Step inside a server, where your team is.", flags: EPHEMERAL });
      return;
    }
    const group = interaction.options.getSubcommandGroup(false);
    const name = commandFromPlacement(group, interaction.options.getSubcommand());
    const values = optionValues(interaction.options.data);
    const work = name
      ? bot
          .handleNamed(identity(interaction.guildId, interaction.guild?.name), userOf(interaction), name, values)
          .then((outcome) => outcome.message)
      : Promise.resolve({ text: "I don't know that command. Try `/nextstep account help`.", private: true });
    await answer(interaction, interaction.guildId, work);
  }

  async function autocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const typed = String(focused.value).toLowerCase();
    let names: string[] = [];
    if (focused.name === "zone") names = TIMEZONES.filter((zone) => zone.toLowerCase().includes(typed));
    else if (interaction.guildId) {
      const companies = await bot.companiesOf(identity(interaction.guildId), userOf(interaction));
      names = companies.filter((company) => company.toLowerCase().includes(typed));
    }
    await interaction.respond(
      names.slice(0, 25).map((name) => ({ name: name.slice(0, 100), value: name.slice(0, 100) })),
    );
  }

  async function button(interaction: ButtonInteraction): Promise<void> {
    const target = decodeCustomId(interaction.customId);
    if (!target) return;
    if (target.owner !== interaction.user.id) {
      await interaction.reply({ content: NOT_YOURS, flags: EPHEMERAL });
      return;
    }
    // Buttons in DMs carry the guild they belong to; the member acts in that workspace.
    const work = bot
      .handleText(identity(target.guildId), userOf(interaction), target.command)
      .then((outcome) => outcome.message);
    await answer(interaction, target.guildId, work);
  }

  return async (interaction) => {
    try {
      if (interaction.isAutocomplete()) await autocomplete(interaction);
      else if (interaction.isChatInputCommand() && interaction.commandName === ROOT_COMMAND) await command(interaction);
      else if (interaction.isButton()) await button(interaction);
    } catch (error) {
      logger.error({ err: error, interaction: interaction.id }, "Discord interaction failed");
    }
  };
}

/** The chosen subcommand's options as name → value (channels arrive as their id). */
function optionValues(data: readonly CommandInteractionOption[]): Record<string, string | number | undefined> {
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref?.());
}
