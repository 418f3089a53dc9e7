/** `skip <company>`: "not this one", stop chasing feedback for this application. */
import { memberText } from "../member-text.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { COMPANY_ARG, companyRefusal, findApplication } from "./support.ts";

export const skipCommand = defineCommand({
  name: "skip",
  aliases: ["letgo"],
  group: "feedback",
  summary: "Stop feedback reminders for a company",
  args: [COMPANY_ARG],
  examples: ["skip Acme"],
  async handler(ctx, { company }) {
    const match = await findApplication(ctx, company);
    if (!match.ok) return companyRefusal(match);
    const [request] = await ctx.repo.listFeedback([match.application.id]);
    if (request?.state === "RECEIVED")
      return refusal(
        "feedback-already-received",
        `You already have feedback from ${memberText(match.application.company)}.`,
      );
    await ctx.repo.upsertFeedback(match.application.id, { state: "GAVE_UP" });
    return outcome(
      "feedback-skipped",
      reply(`Okay, no more feedback reminders about ${memberText(match.application.company)}. Letting go is allowed.`),
    );
  },
});
