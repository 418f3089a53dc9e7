/** `share <on|off|company>`: how much of the member's wins the team channel sees. */
import type { Sharing } from "../model.ts";
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";

export const SHARING_WORDS: Record<Sharing, string> = {
  ON: "your wins are celebrated in the team channel, without company names",
  COMPANY: "your wins are celebrated in the team channel, with company names",
  OFF: "nothing about you is posted in the team channel",
};

export const shareCommand = defineCommand({
  name: "share",
  aliases: ["sharing"],
  group: "settings",
  summary: "Choose what the team channel sees of your wins",
  args: [{ name: "level", kind: "share", required: true, description: "on, off or company" }],
  examples: ["share company", "share off"],
  shows: { label: "Sharing (share)", show: (member) => SHARING_WORDS[member.sharing] },
  async handler(ctx, { level }) {
    await ctx.repo.updateMember(ctx.member.id, { sharing: level });
    return outcome(
      "sharing-set",
      reply(`Sharing updated: ${SHARING_WORDS[level]}. Rejections are never shared, whatever you choose.`),
    );
  },
});
