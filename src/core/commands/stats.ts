/** `stats`: the member's own success metrics, the ones no company decides. */

import type { BotMessage } from "../model.ts";
import { outcome, reply } from "../outcomes.ts";
import { type MemberStats, memberStats } from "../stats.ts";
import { defineCommand } from "./spec.ts";

export const statsCommand = defineCommand({
  name: "stats",
  aliases: ["wins"],
  group: "views",
  summary: "Show your wins and own metrics",
  args: [],
  examples: ["stats"],
  readsOnly: true,
  async handler(ctx) {
    return outcome("stats-shown", statsReply(await memberStats(ctx.repo, ctx.member.id, ctx.now)));
  },
});

/** The `stats` reply, also a home screen section. */
export function statsReply(stats: MemberStats): BotMessage {
  return reply("Progress you made happen, whatever any one company decided.", {
    title: "Your wins and metrics",
    fields: [
      { label: "Applications", value: String(stats.applications) },
      { label: "Rounds held", value: String(stats.roundsHeld) },
      { label: "Invitations to a next step", value: String(stats.invitations) },
      { label: "Offers", value: String(stats.offers) },
      { label: "People met", value: String(stats.peopleMet) },
      { label: "Things learned", value: String(stats.thingsLearned) },
      { label: "Feedback received", value: `${stats.feedbackReceived} of ${stats.feedbackAsked} asked` },
      { label: "Gaps closed", value: `${stats.gapsClosed} of ${stats.gaps}` },
    ],
  });
}
