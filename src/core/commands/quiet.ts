/** `quiet <from-to|off>`: hours when nothing is delivered (21:00-08:00, 9pm-7am, 22-7); messages wait for the morning. */

import { outcome, reply } from "../outcomes.ts";
import { formatClock } from "../time.ts";
import { describeQuiet } from "./arg-kinds.ts";
import { defineCommand } from "./spec.ts";

export const quietCommand = defineCommand({
  name: "quiet",
  group: "settings",
  summary: "Set quiet hours (messages wait until they end)",
  args: [
    { name: "hours", kind: "quiet", required: true, rest: true, description: "like 21:00-08:00, 9pm-7am, or off" },
  ],
  examples: ["quiet 22:00-07:30", "quiet 9pm-7am", "quiet off"],
  shows: {
    label: "Quiet hours (quiet)",
    show: (member) => describeQuiet({ start: member.quietStart, end: member.quietEnd }),
  },
  async handler(ctx, { hours }) {
    await ctx.repo.updateMember(ctx.member.id, { quietStart: hours.start, quietEnd: hours.end });
    if (hours.start === null || hours.end === null) {
      return outcome("quiet-hours-set", reply("Quiet hours off: messages arrive whenever they're due."));
    }
    const [from, to] = [formatClock(hours.start), formatClock(hours.end)];
    return outcome(
      "quiet-hours-set",
      reply(`Got it: quiet from ${from} to ${to} (${ctx.timeZone}). Anything due then waits until ${to}.`),
    );
  },
});
