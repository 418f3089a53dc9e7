/** `quiet <HH:MM-HH:MM|off>`: hours when nothing is delivered; messages wait for the morning. */

import { outcome, reply } from "../outcomes.ts";
import { describeQuiet } from "./arg-kinds.ts";
import { defineCommand } from "./spec.ts";

export const quietCommand = defineCommand({
  name: "quiet",
  group: "settings",
  summary: "Set quiet hours (messages wait until they end)",
  args: [{ name: "hours", kind: "quiet", required: true, description: "like 21:00-08:00, or off" }],
  examples: ["quiet 22:00-07:30", "quiet off"],
  shows: {
    label: "Quiet hours (quiet)",
    show: (member) => describeQuiet({ start: member.quietStart, end: member.quietEnd }),
  },
  async handler(ctx, { hours }) {
    await ctx.repo.updateMember(ctx.member.id, { quietStart: hours.start, quietEnd: hours.end });
    return outcome(
      "quiet-hours-set",
      reply(
        hours.start === null
          ? "Quiet hours off: messages arrive whenever they're due."
          : `Quiet hours ${describeQuiet(hours)} (${ctx.timeZone}). Anything due then waits until they end.`,
      ),
    );
  },
});
