/** `tz <zone>`: the member's IANA timezone, used for every reminder. */
import { outcome, reply } from "../outcomes.ts";
import { formatLocal } from "../time.ts";
import { defineCommand } from "./spec.ts";

export const tzCommand = defineCommand({
  name: "tz",
  aliases: ["timezone"],
  group: "settings",
  summary: "Set your timezone",
  args: [
    {
      name: "zone",
      kind: "timezone",
      required: true,
      rest: true,
      description: "a city or zone: Berlin, New York, EST, Europe/Berlin",
    },
  ],
  examples: ["tz Europe/Berlin", "tz New York", "tz EST"],
  shows: {
    label: "Timezone (tz)",
    show: (member, { timeZone }) => member.timezone ?? `${timeZone} (workspace default)`,
  },
  async handler(ctx, { zone }) {
    await ctx.repo.updateMember(ctx.member.id, { timezone: zone });
    return outcome("timezone-set", reply(`Timezone set to ${zone}. It's ${formatLocal(ctx.now, zone)} there now.`));
  },
});
