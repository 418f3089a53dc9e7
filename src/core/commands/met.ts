/** `met <company> <who>`: own success metric, did I meet someone? */
import { reply } from "../reply.ts";
import { defineCommand } from "./spec.ts";
import { findApplication, latestRound } from "./support.ts";

export const metCommand = defineCommand({
  name: "met",
  group: "metrics",
  summary: "Record someone you met through an application",
  args: [
    { name: "company", kind: "company", required: true, description: "the company" },
    { name: "who", kind: "text", required: true, rest: true, description: "who you met" },
  ],
  examples: ["met Acme Dana, the staff engineer who ran the pairing round"],
  async handler(ctx, { company, who }) {
    const match = await findApplication(ctx, company);
    if (!match.ok) return reply(match.problem);
    const round = await latestRound(ctx, match.application);
    await ctx.repo.createReflection({
      memberId: ctx.member.id,
      applicationId: match.application.id,
      roundId: round?.id ?? null,
      personMet: who,
      learned: null,
    });
    return reply(`Met ${who} at ${match.application.company}: that's a success you own, whatever the outcome.`);
  },
});
