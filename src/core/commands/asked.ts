/** `asked <company>`: the member sent a feedback request. */
import { memberText } from "../member-text.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { companyRefusal, findApplication, touchApplication } from "./support.ts";

export const askedCommand = defineCommand({
  name: "asked",
  group: "feedback",
  summary: "Note that you asked a company for feedback",
  args: [{ name: "company", kind: "company", required: true, description: "the company you asked" }],
  examples: ["asked Acme"],
  async handler(ctx, { company }) {
    const match = await findApplication(ctx, company);
    if (!match.ok) return companyRefusal(match);
    const application = match.application;
    const [request] = await ctx.repo.listFeedback([application.id]);
    if (request?.state === "RECEIVED")
      return refusal("feedback-already-received", `You already have feedback from ${memberText(application.company)}.`);
    if (request?.state === "ASKED")
      return refusal(
        "feedback-already-asked",
        `Already noted: you asked ${memberText(application.company)} for feedback.`,
      );
    await ctx.repo.upsertFeedback(application.id, { state: "ASKED", askedAt: ctx.now });
    await touchApplication(ctx, application);
    return outcome(
      "feedback-asked",
      reply(
        `Good move asking ${memberText(application.company)}. If nothing comes back in a week I'll suggest one polite follow-up. When it arrives: \`feedback "${memberText(application.company)}" <what they said>\`.`,
      ),
    );
  },
});
