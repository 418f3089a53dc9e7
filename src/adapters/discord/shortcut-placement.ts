/** Where the core's command shortcuts sit under `/nextstep`: `settings channel` is `admin channel` with Discord's channel picker. */
import type { Command, CommandShortcut } from "../../core/commands/spec.ts";

/** Keyed `command shortcut`; a shortcut without a place is not offered on Discord. */
const SHORTCUT_PLACEMENT: Record<string, { group: string; name: string }> = {
  "admin channel": { group: "settings", name: "channel" },
};

/** Each placed shortcut of `command`, where it sits. */
export function placedShortcuts(command: Command): { shortcut: CommandShortcut; group: string; name: string }[] {
  return (command.shortcuts ?? []).flatMap((shortcut) => {
    const place = SHORTCUT_PLACEMENT[`${command.name} ${shortcut.name}`];
    return place ? [{ shortcut, ...place }] : [];
  });
}

/** The core command and shortcut a Discord (group, subcommand) pair means, when it is a shortcut's place. */
export function shortcutFromPlacement(
  commands: readonly Command[],
  group: string | null,
  subcommand: string,
): { command: Command; shortcut: CommandShortcut } | undefined {
  for (const command of commands) {
    const placed = placedShortcuts(command).find((place) => place.group === group && place.name === subcommand);
    if (placed) return { command, shortcut: placed.shortcut };
  }
  return undefined;
}
