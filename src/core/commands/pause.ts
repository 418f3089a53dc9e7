/** `pause <days>`: hold every non-urgent message for a while ("pause 7", "pause 2 weeks"). */

import { formatMoment } from "../moments.ts";
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";

const DAY_MS = 86_400_000;

export const pauseCommand = defineCommand({
  name: "pause",
  group: "settings",
  summary: "Pause reminders and nudges for some days",
  args: [{ name: "days", kind: "days", required: true, rest: true, description: "how many days (1 to 365), or weeks" }],
  examples: ["pause 7", "pause 2 weeks"],
  shows: {
    label: "Paused (pause / resume)",
    show: (member, { timeZone, now }) =>
      member.pausedUntil && member.pausedUntil > now ? `until ${formatMoment(member.pausedUntil, timeZone)}` : "no",
  },
  async handler(ctx, { days }) {
    const until = new Date(ctx.now.getTime() + days * DAY_MS);
    await ctx.repo.updateMember(ctx.member.id, { pausedUntil: until });
    return outcome(
      "paused",
      reply(
        `Paused for ${days === 1 ? "a day" : `${days} days`}, until ${formatMoment(until, ctx.timeZone)}. Rest is part of the work. Your data stays; \`resume\` brings me back sooner.`,
      ),
    );
  },
});
