/** The `/nextstep` application command, derived from the core's command table: subcommands, groups and typed options. */
import { ARG_KINDS, type ArgKind } from "../../core/commands/arg-kinds.ts";
import type { ArgSpec, Command } from "../../core/commands/spec.ts";
import { placedShortcuts } from "./shortcut-placement.ts";

export const ROOT_COMMAND = "nextstep";

/**
 * Discord allows 25 entries under a command, fewer than we have: settings, account and the corrections to one
 * application sit in groups.
 */
const PLACEMENT: Record<string, { group: string; name: string }> = {
  tz: { group: "settings", name: "tz" },
  quiet: { group: "settings", name: "quiet" },
  dates: { group: "settings", name: "dates" },
  share: { group: "settings", name: "share" },
  notify: { group: "settings", name: "notify" },
  pause: { group: "settings", name: "pause" },
  resume: { group: "settings", name: "resume" },
  settings: { group: "settings", name: "show" },
  admin: { group: "settings", name: "workspace" },
  export: { group: "account", name: "export" },
  forget: { group: "account", name: "forget" },
  help: { group: "account", name: "help" },
  // Said mostly by a question's No button, which runs the text line; typed here only now and then.
  cancel: { group: "account", name: "cancel" },
  edit: { group: "application", name: "edit" },
  delete: { group: "application", name: "delete" },
  note: { group: "application", name: "note" },
  // Moved here to keep `undo` at the top level within Discord's 25 entries.
  impression: { group: "application", name: "impression" },
  rounds: { group: "application", name: "rounds" },
  "round-edit": { group: "application", name: "round-edit" },
  "round-cancel": { group: "application", name: "round-cancel" },
};

const GROUP_DESCRIPTIONS: Record<string, string> = {
  settings: "Your settings, and the workspace's for admins",
  account: "Help, saying no to a question, and your data: export or delete it",
  application: "Correct one application: edit, delete, notes and its rounds",
};

// Discord's option types.
const STRING = 3;
const INTEGER = 4;
const CHANNEL = 7;
const SUB_COMMAND = 1;
const SUB_COMMAND_GROUP = 2;
const GUILD_TEXT = 0;
const GUILD_ANNOUNCEMENT = 5;

export interface OptionDefinition {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: { name: string; value: string }[];
  min_value?: number;
  max_value?: number;
  max_length?: number;
  channel_types?: number[];
  options?: OptionDefinition[];
}

export interface CommandDefinition {
  name: string;
  description: string;
  type: number;
  contexts: number[];
  options: OptionDefinition[];
}

const INTEGER_RANGES: Partial<Record<ArgKind, [number, number]>> = {
  rating: [1, 5],
  days: [1, 365],
  gapNumber: [1, 100_000],
  roundNumber: [1, 1000],
};
const MAX_LENGTHS: Partial<Record<ArgKind, number>> = { company: 100, text: 2000, word: 100, when: 100, quiet: 20 };
const AUTOCOMPLETE: ReadonlySet<ArgKind> = new Set(["company", "timezone"]);

const clip = (text: string, limit = 100) => (text.length <= limit ? text : `${text.slice(0, limit - 1)}…`);

function optionFor(arg: ArgSpec): OptionDefinition {
  const base = { name: arg.name, description: clip(arg.description), required: arg.required };
  const range = INTEGER_RANGES[arg.kind];
  if (range) return { ...base, type: INTEGER, min_value: range[0], max_value: range[1] };
  if (arg.kind === "channel") return { ...base, type: CHANNEL, channel_types: [GUILD_TEXT, GUILD_ANNOUNCEMENT] };
  const choices = ARG_KINDS[arg.kind].choices;
  return {
    ...base,
    type: STRING,
    ...(choices ? { choices: choices.map((choice) => ({ name: clip(choice.label), value: choice.value })) } : {}),
    ...(AUTOCOMPLETE.has(arg.kind) ? { autocomplete: true } : {}),
    ...(MAX_LENGTHS[arg.kind] ? { max_length: MAX_LENGTHS[arg.kind] } : {}),
  };
}

function subcommandFor(command: Pick<Command, "summary" | "args">, name: string): OptionDefinition {
  return { type: SUB_COMMAND, name, description: clip(command.summary), options: command.args.map(optionFor) };
}

/** Where a core command lives under `/nextstep`. */
export function placementOf(commandName: string): { group?: string; name: string } {
  return PLACEMENT[commandName] ?? { name: commandName };
}

/** The core command a Discord (group, subcommand) pair means. */
export function commandFromPlacement(group: string | null, subcommand: string): string | undefined {
  if (!group) return PLACEMENT[subcommand] ? undefined : subcommand;
  return Object.entries(PLACEMENT).find(([, place]) => place.group === group && place.name === subcommand)?.[0];
}

/** The whole `/nextstep` definition, usable only in servers (members belong to a server's workspace). */
export function nextstepDefinition(commands: readonly Command[]): CommandDefinition {
  const direct: OptionDefinition[] = [];
  const groups = new Map<string, OptionDefinition[]>();
  for (const command of commands) {
    const place = placementOf(command.name);
    const sub = subcommandFor(command, place.name);
    if (!place.group) direct.push(sub);
    else groups.set(place.group, [...(groups.get(place.group) ?? []), sub]);
    for (const { shortcut, group, name } of placedShortcuts(command)) {
      groups.set(group, [...(groups.get(group) ?? []), subcommandFor(shortcut, name)]);
    }
  }
  const grouped = [...groups].map(([name, options]) => ({
    type: SUB_COMMAND_GROUP,
    name,
    description: GROUP_DESCRIPTIONS[name] ?? name,
    options,
  }));
  return {
    name: ROOT_COMMAND,
    description: "Log your job hunt, see your pipeline, get support",
    type: 1,
    contexts: [0],
    options: [...direct, ...grouped],
  };
}
