/** Registers `/nextstep` with Discord only when the definition changed, as Sapphire's computeDifferences does. */
import { REST, Routes } from "discord.js";
import type { Logger } from "../../core/logger.ts";
import type { CommandDefinition, OptionDefinition } from "./definitions.ts";

export interface RegisterOptions {
  token: string;
  applicationId: string;
  /** Guild-scoped registration (instant); global otherwise. */
  guildId?: string;
  apiUrl?: string;
  definitions: CommandDefinition[];
  logger: Logger;
}

/** The fields we set, with Discord's defaults filled in, so what Discord echoes back compares equal. */
function normalizeOption(option: OptionDefinition): unknown {
  return {
    type: option.type,
    name: option.name,
    description: option.description,
    required: option.required ?? false,
    autocomplete: option.autocomplete ?? false,
    choices: option.choices ?? [],
    min_value: option.min_value ?? null,
    max_value: option.max_value ?? null,
    max_length: option.max_length ?? null,
    channel_types: option.channel_types ?? [],
    options: (option.options ?? []).map(normalizeOption),
  };
}

function normalize(definitions: readonly Partial<CommandDefinition>[]): string {
  const shaped = definitions
    .map((definition) => ({
      name: definition.name,
      description: definition.description,
      type: definition.type ?? 1,
      contexts: definition.contexts ?? null,
      options: (definition.options ?? []).map(normalizeOption),
    }))
    .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  return JSON.stringify(shaped);
}

/** True when Discord already has exactly these definitions. */
export function sameDefinitions(
  current: readonly Partial<CommandDefinition>[],
  wanted: readonly CommandDefinition[],
): boolean {
  return normalize(current) === normalize(wanted);
}

export async function syncCommands(options: RegisterOptions): Promise<"unchanged" | "registered"> {
  const rest = new REST(options.apiUrl ? { api: options.apiUrl } : {}).setToken(options.token);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const current = (await rest.get(route)) as Partial<CommandDefinition>[];
  if (sameDefinitions(current, options.definitions)) {
    options.logger.info({ scope: options.guildId ?? "global" }, "Discord commands unchanged; nothing to register");
    return "unchanged";
  }
  await rest.put(route, { body: options.definitions });
  options.logger.info({ scope: options.guildId ?? "global" }, "Discord commands registered");
  return "registered";
}
