/** `impression <company> <1-5> [notes]`: the member judges the employer too. */
import { memberText } from "../member-text.ts";
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { COMPANY_ARG, companyRefusal, findApplication } from "./support.ts";

export const impressionCommand = defineCommand({
  name: "impression",
  aliases: ["rate"],
  group: "metrics",
  summary: "Rate how the company treated you, 1-5",
  args: [
    COMPANY_ARG,
    { name: "rating", kind: "rating", required: true, description: "1 (poor) to 5 (great)" },
    { name: "notes", kind: "text", required: false, rest: true, description: "why" },
  ],
  examples: ["impression Acme 4 kind interviewers, slow to reply"],
  async handler(ctx, { company, rating, notes }) {
    const match = await findApplication(ctx, company);
    if (!match.ok) return companyRefusal(match);
    await ctx.repo.updateApplication(match.application.id, {
      impression: rating,
      impressionNotes: notes ?? match.application.impressionNotes,
    });
    return outcome(
      "impression-recorded",
      reply(
        `Your impression of ${memberText(match.application.company)}: ${"★".repeat(rating)}${"☆".repeat(5 - rating)}. You're interviewing them too.`,
      ),
    );
  },
});
