/** `settings`: the member's settings in one place. */

import type { BotMessage, Member } from "../model.ts";
import { formatMoment } from "../moments.ts";
import { outcome, reply } from "../outcomes.ts";
import { describeQuiet } from "./arg-kinds.ts";
import { SHARING_WORDS } from "./share.ts";
import { defineCommand } from "./spec.ts";

export const settingsCommand = defineCommand({
  name: "settings",
  aliases: ["prefs"],
  group: "settings",
  summary: "Show your settings",
  args: [],
  examples: ["settings"],
  readsOnly: true,
  async handler(ctx) {
    return outcome("settings-shown", settingsReply(ctx.member, ctx.timeZone, ctx.now));
  },
});

/** The `settings` reply, also a home screen section; `timeZone` is the member's zone or the workspace default. */
export function settingsReply(member: Member, timeZone: string, now: Date): BotMessage {
  const paused =
    member.pausedUntil && member.pausedUntil > now ? `until ${formatMoment(member.pausedUntil, timeZone)}` : "no";
  return reply("Change any of these with the command in brackets.", {
    title: "Your settings",
    fields: [
      { label: "Timezone (tz)", value: member.timezone ?? `${timeZone} (workspace default)` },
      { label: "Quiet hours (quiet)", value: describeQuiet({ start: member.quietStart, end: member.quietEnd }) },
      { label: "Sharing (share)", value: SHARING_WORDS[member.sharing] },
      { label: "Paused (pause / resume)", value: paused },
      {
        label: "Reminders switched off (notify)",
        value: member.optOuts.length > 0 ? member.optOuts.join(", ") : "none",
      },
    ],
  });
}
