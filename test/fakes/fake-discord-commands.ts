/** Application command registration as Discord does it: bulk overwrites validated, stored per scope, ids kept for unchanged names. */
import { snowflake } from "../support/discord-payloads.ts";
import type { Json } from "./fake-discord-directory.ts";
import { type FormErrors, Problems } from "./fake-discord-limits.ts";

const NAME_PATTERN = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Stored definitions per scope: `global` or a guild id. */
export class FakeCommandRegistry {
  private readonly byScope = new Map<string, Json[]>();

  constructor(private readonly applicationId: string) {}

  /** Bulk overwrite: ids survive for commands whose name and type stay; Discord's defaults are filled in. */
  put(scope: string, definitions: Json[]): Json[] {
    const previous = this.byScope.get(scope) ?? [];
    const stored = definitions.map((definition) => {
      const type = definition.type ?? 1;
      const kept = previous.find((command) => command.name === definition.name && command.type === type);
      return {
        default_member_permissions: null,
        nsfw: false,
        integration_types: [0],
        contexts: null,
        ...definition,
        id: kept?.id ?? snowflake(),
        application_id: this.applicationId,
        type,
        version: snowflake(),
        ...(scope === "global" ? {} : { guild_id: scope }),
      };
    });
    this.byScope.set(scope, stored);
    return stored;
  }

  list(scope: string): Json[] {
    return this.byScope.get(scope) ?? [];
  }
}

/** A bulk overwrite body: names, descriptions, option order and counts as Discord checks them. */
export function commandProblems(definitions: unknown): FormErrors | undefined {
  const problems = new Problems();
  if (!Array.isArray(definitions)) {
    problems.add([], "BASE_TYPE_ARRAY", "Must be an array.");
    return problems.result();
  }
  problems.maxLength([], definitions, 100);
  const names = new Set<string>();
  (definitions as Json[]).forEach((definition, index) => {
    const key = `${String(definition.type ?? 1)}:${String(definition.name)}`;
    if (names.has(key))
      problems.add([index, "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", "Application command names must be unique");
    names.add(key);
    const chatInput = (definition.type ?? 1) === 1;
    checkNamed(problems, [index], definition, chatInput);
    optionProblems(problems, [index, "options"], definition.options);
  });
  return problems.result();
}

function checkNamed(problems: Problems, at: (string | number)[], named: Json, lowercase: boolean): void {
  const name = String(named.name ?? "");
  if (!NAME_PATTERN.test(name) || (lowercase && name !== name.toLowerCase())) {
    problems.add([...at, "name"], "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
  }
  if (!lowercase) return;
  problems.required([...at, "description"], named.description);
  problems.maxLength([...at, "description"], named.description, 100);
}

function optionProblems(problems: Problems, at: (string | number)[], options: unknown): void {
  if (!Array.isArray(options)) return;
  problems.maxLength(at, options, 25);
  let optionalSeen = false;
  (options as Json[]).forEach((option, index) => {
    checkNamed(problems, [...at, index], option, true);
    const choices = Array.isArray(option.choices) ? (option.choices as Json[]) : [];
    problems.maxLength([...at, index, "choices"], choices, 25);
    if (option.autocomplete === true && choices.length > 0) {
      problems.add(
        [...at, index, "autocomplete"],
        "AUTOCOMPLETE_AND_CHOICES",
        "Autocomplete cannot be set with choices",
      );
    }
    const nested = option.type === 1 || option.type === 2;
    if (nested) optionProblems(problems, [...at, index, "options"], option.options);
    if (!nested && option.required !== true) optionalSeen = true;
    if (!nested && option.required === true && optionalSeen) {
      problems.add(
        [...at, index, "required"],
        "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
        "Required options must be placed before non-required options",
      );
    }
  });
}
