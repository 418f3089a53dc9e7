/** `feedback <company> [text]`: feedback received, kept with the application. */
import { memberText } from "../member-text.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { COMPANY_ARG, companyRefusal, findApplication, touchApplication } from "./support.ts";

const MAX_FEEDBACK = 8000;

export const feedbackCommand = defineCommand({
  name: "feedback",
  group: "feedback",
  summary: "Record feedback a company gave you",
  args: [COMPANY_ARG, { name: "text", kind: "text", required: false, rest: true, description: "what they said" }],
  examples: ['feedback Acme "wanted more depth on databases"'],
  async handler(ctx, { company, text }) {
    const match = await findApplication(ctx, company);
    if (!match.ok) return companyRefusal(match);
    const application = match.application;
    const [request] = await ctx.repo.listFeedback([application.id]);
    const combined = [request?.feedback, text].filter(Boolean).join("\n");
    if (combined.length > MAX_FEEDBACK)
      return refusal("feedback-too-long", "That's more feedback than I can keep for one application.");
    await ctx.repo.upsertFeedback(application.id, {
      state: "RECEIVED",
      receivedAt: ctx.now,
      feedback: combined || null,
    });
    await touchApplication(ctx, application);
    return outcome(
      "feedback-recorded",
      reply(
        `Feedback from ${memberText(application.company)} saved. Few people get this far: it's a map of what to practise. Turn a point into a gap with \`gap <topic> ${application.company.includes(" ") ? `"${memberText(application.company)}"` : memberText(application.company)}\`.`,
      ),
    );
  },
});
