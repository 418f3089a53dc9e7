/**
 * `round-cancel <company> <n>`: removes a round that won't happen. Deleted rather than marked: the pipeline, stats,
 * timeline and the jobs all read rounds, and a deleted round is one that none of them can forget to leave out.
 */
import { memberText } from "../member-text.ts";
import { outcome, reply } from "../outcomes.ts";
import { describeRound, findRound, ROUND_TIMED_KINDS } from "./round-numbers.ts";
import { defineCommand } from "./spec.ts";
import { COMPANY_ARG } from "./support.ts";

export const roundCancelCommand = defineCommand({
  name: "round-cancel",
  group: "corrections",
  summary: "Remove a round that won't happen (numbers from `rounds`)",
  args: [
    COMPANY_ARG,
    { name: "number", kind: "roundNumber", required: true, description: "the round's number in `rounds`" },
  ],
  examples: ["round-cancel Acme 2"],
  async handler(ctx, { company, number }) {
    const found = await findRound(ctx, company, number);
    if (!found.ok) return found.refusal;
    const { application, round } = found;
    await ctx.repo.cancelPendingMessages(ctx.member.id, { about: [round.id], kinds: ROUND_TIMED_KINDS });
    await ctx.repo.deleteRound(round.id);
    return outcome(
      "round-cancelled",
      reply(
        `Removed round ${number} with ${memberText(application.company)} (${describeRound(round, ctx.timeZone, ctx.now)}). No prep reminder or how-did-it-go will come for it.`,
      ),
    );
  },
});
