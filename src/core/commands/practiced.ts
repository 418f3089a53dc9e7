/** `practiced <gap number>`: first time moves a gap to practising, the next time closes it. */
import { memberText } from "../member-text.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";

export const practicedCommand = defineCommand({
  name: "practiced",
  aliases: ["practised"],
  group: "metrics",
  summary: "Mark progress on a gap",
  args: [{ name: "number", kind: "gapNumber", required: true, description: "the gap's number from `gaps`" }],
  examples: ["practiced 2"],
  async handler(ctx, { number }) {
    const gap = (await ctx.repo.listGaps(ctx.member.id)).find((candidate) => candidate.number === number);
    if (!gap) return refusal("gap-not-found", `You have no gap #${number}. \`gaps\` lists them.`);
    if (gap.status === "DONE")
      return refusal("gap-already-closed", `Gap #${number} (${memberText(gap.topic)}) is already closed.`);
    const status = gap.status === "OPEN" ? "PRACTICING" : "DONE";
    await ctx.repo.updateGap(gap.id, { status, updatedAt: ctx.now });
    return outcome(
      status === "DONE" ? "gap-closed" : "gap-practised",
      reply(
        status === "DONE"
          ? `Closed gap #${number}: ${memberText(gap.topic)}. That's a skill you own now.`
          : `Practised ${memberText(gap.topic)}. Interviewing grows with practice. Run \`practiced ${number}\` again when it feels solid to close it.`,
      ),
    );
  },
});
