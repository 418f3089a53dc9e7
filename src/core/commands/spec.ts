/** What a command is: its name, words, argument specs and handler. The table of these drives parsing, help and platform definitions. */
import type { Member, Platform, Workspace } from "../model.ts";
import type { CommandResult } from "../outcomes.ts";
import type { WorkspaceRepo } from "../ports.ts";
import type { ChannelVerdict } from "../request-place.ts";
import type { ArgKind, KindValue } from "./arg-kinds.ts";
import type { Said } from "./said.ts";

export interface ArgSpec {
  name: string;
  kind: ArgKind;
  required: boolean;
  /** Takes every remaining word (only the last argument may). */
  rest?: boolean;
  /** One line shown in help and as the Discord option description. */
  description: string;
}

/** Typed values of a command's arguments, derived from its specs. */
export type ArgsOf<A extends readonly ArgSpec[]> = {
  [S in A[number] as S["name"]]: S["required"] extends true ? KindValue[S["kind"]] : KindValue[S["kind"]] | undefined;
};

/** What a handler receives: one member's view of one workspace, inside one transaction. */
export interface CommandContext {
  repo: WorkspaceRepo;
  workspace: Workspace;
  member: Member;
  platform: Platform;
  now: Date;
  /** The member's zone, or the workspace default. */
  timeZone: string;
  /** Whether the platform says this member administers the workspace. */
  isAdmin: boolean;
  /** The line ended in `--yes`: the member already answered the question this command would ask. */
  confirmed: boolean;
  /** How the member gave the command: to offer it again on another company, and to see what they quoted. */
  said: Said;
  /** The whole command table, for help. */
  commands: readonly Command[];
  /** Whether the platform says `channel` is one of this workspace's (always "here" where it can't be otherwise). */
  channelVerdict(channel: string): Promise<ChannelVerdict>;
}

/** How the settings screen shows the member setting a command changes. */
export interface SettingView {
  /** E.g. "Sharing (share)": the setting and the command that changes it. */
  label: string;
  /** The current value in words; `timeZone` is the member's zone or the workspace default. */
  show(member: Member, view: { timeZone: string; now: Date }): string;
}

export type CommandGroup =
  | "pipeline"
  | "corrections"
  | "feedback"
  | "metrics"
  | "views"
  | "settings"
  | "data"
  | "admin";

export interface CommandSpec<A extends readonly ArgSpec[] = readonly ArgSpec[]> {
  name: string;
  aliases?: readonly string[];
  group: CommandGroup;
  /** One line for the help overview. */
  summary: string;
  args: A;
  examples: readonly string[];
  /** How the command reads what is typed, when its usage line can't say it; shown by `help <command>`. */
  notes?: string;
  /** Only workspace admins may run it. */
  adminOnly?: boolean;
  /** It only reads, so it runs without a transaction; a write through its repository throws. */
  readsOnly?: boolean;
  /** False for commands `undo` must not take back (forget, undo itself, workspace settings); any other change can be. */
  undoable?: boolean;
  /** The member setting this command changes, shown by `settings` and the home screen in table order. */
  shows?: SettingView;
  /** The command with its first words given, for platforms that offer it as an entry of its own with typed pickers. */
  shortcuts?: readonly CommandShortcut[];
  handler(ctx: CommandContext, args: ArgsOf<A>): Promise<CommandResult>;
}

/**
 * A command with some arguments given, e.g. `admin channel <channel>`: Discord offers it as `settings channel` with a
 * channel picker. Its own args take the places of the command's arguments not given, in order.
 */
export interface CommandShortcut {
  /** The word that names it, e.g. `channel`. */
  name: string;
  /** One line, as for a command. */
  summary: string;
  /** The values it gives, by the command's argument names. */
  given: Readonly<Record<string, string>>;
  /** What the member still gives, typed as these kinds. */
  args: readonly ArgSpec[];
}

/** The command's named values for a shortcut's: the given ones, then the shortcut's in the places left, in order. */
export function valuesOfShortcut(
  command: Pick<Command, "args">,
  shortcut: CommandShortcut,
  values: Readonly<Record<string, string | number | undefined>>,
): Record<string, string | number | undefined> {
  const open = command.args.filter((arg) => !Object.hasOwn(shortcut.given, arg.name));
  const filled = shortcut.args.map((arg, index) => [open[index]?.name, values[arg.name]] as const);
  return { ...Object.fromEntries(filled.filter(([name]) => name !== undefined)), ...shortcut.given };
}

/** A command with its argument types erased, as stored in the table. */
export interface Command extends CommandSpec<readonly ArgSpec[]> {
  handler(ctx: CommandContext, args: Record<string, unknown>): Promise<CommandResult>;
}

/** Declares a command; `const` keeps the argument names literal so handlers get typed args. */
export function defineCommand<const A extends readonly ArgSpec[]>(spec: CommandSpec<A>): Command {
  return spec as unknown as Command;
}

/** The usage line, e.g. `round <company> <stage> [when]`. */
export function usageOf(command: Pick<Command, "name" | "args">): string {
  const parts = command.args.map((arg) => {
    const label = arg.rest ? `${arg.name}…` : arg.name;
    return arg.required ? `<${label}>` : `[${label}]`;
  });
  return [command.name, ...parts].join(" ");
}
