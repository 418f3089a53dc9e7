/** `settings`: the member's settings in one place. */

import { formatMoment } from "../moments.ts";
import { reply } from "../reply.ts";
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
  async handler(ctx) {
    const { member } = ctx;
    const paused =
      member.pausedUntil && member.pausedUntil > ctx.now
        ? `until ${formatMoment(member.pausedUntil, ctx.timeZone)}`
        : "no";
    return reply("Change any of these with the command in brackets.", {
      title: "Your settings",
      fields: [
        { label: "Timezone (tz)", value: member.timezone ?? `${ctx.timeZone} (workspace default)` },
        { label: "Quiet hours (quiet)", value: describeQuiet({ start: member.quietStart, end: member.quietEnd }) },
        { label: "Sharing (share)", value: SHARING_WORDS[member.sharing] },
        { label: "Paused (pause / resume)", value: paused },
        {
          label: "Reminders switched off (notify)",
          value: member.optOuts.length > 0 ? member.optOuts.join(", ") : "none",
        },
      ],
    });
  },
});
