/** `resume`: end a pause now. */
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";

export const resumeCommand = defineCommand({
  name: "resume",
  aliases: ["unpause"],
  group: "settings",
  summary: "End a pause",
  args: [],
  examples: ["resume"],
  async handler(ctx) {
    const paused = ctx.member.pausedUntil !== null && ctx.member.pausedUntil > ctx.now;
    await ctx.repo.updateMember(ctx.member.id, { pausedUntil: null });
    return outcome(
      "resumed",
      reply(paused ? "Welcome back. Reminders are on again." : "You weren't paused; everything is on."),
    );
  },
});
