/** `settings`: the member's settings in one place, each shown as the command that changes it describes it. */

import type { BotMessage, Member } from "../model.ts";
import { outcome, reply } from "../outcomes.ts";
import { type Command, defineCommand } from "./spec.ts";

export const settingsCommand = defineCommand({
  name: "settings",
  aliases: ["prefs"],
  group: "settings",
  summary: "Show your settings",
  args: [],
  examples: ["settings"],
  readsOnly: true,
  async handler(ctx) {
    return outcome("settings-shown", settingsReply(ctx.member, ctx.timeZone, ctx.now, ctx.commands));
  },
});

/** The `settings` reply, also a home screen section; `timeZone` is the member's zone or the workspace default. */
export function settingsReply(member: Member, timeZone: string, now: Date, commands: readonly Command[]): BotMessage {
  return reply("Change any of these with the command in brackets.", {
    title: "Your settings",
    fields: commands.flatMap((command) =>
      command.shows ? [{ label: command.shows.label, value: command.shows.show(member, { timeZone, now }) }] : [],
    ),
  });
}
