/** Autocomplete for `/nextstep` options: the member's own companies, and IANA timezones. */
import type { AutocompleteInteraction } from "discord.js";
import { type InteractionContext, userOf } from "./context.ts";

const TIMEZONES: readonly string[] = Intl.supportedValuesOf("timeZone");
/** Discord shows at most 25 choices of at most 100 characters. */
const MAX_CHOICES = 25;
const MAX_LENGTH = 100;

export async function autocomplete(context: InteractionContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value).toLowerCase();
  let names: string[] = [];
  if (focused.name === "zone") names = TIMEZONES.filter((zone) => zone.toLowerCase().includes(typed));
  else if (interaction.guildId) {
    const companies = await context.calls.companiesOf(interaction.guildId, userOf(interaction));
    names = companies.filter((company) => company.toLowerCase().includes(typed));
  }
  await interaction.respond(
    names.slice(0, MAX_CHOICES).map((name) => ({ name: name.slice(0, MAX_LENGTH), value: name.slice(0, MAX_LENGTH) })),
  );
}
