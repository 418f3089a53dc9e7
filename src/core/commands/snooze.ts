/** `snooze <company>`: put the feedback chase for this application off by a week. */
import { memberText } from "../member-text.ts";
import { formatMoment } from "../moments.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { COMPANY_ARG, companyRefusal, findApplication } from "./support.ts";

const WEEK_MS = 7 * 86_400_000;

export const snoozeCommand = defineCommand({
  name: "snooze",
  group: "feedback",
  summary: "Put off the feedback reminder for a company by a week",
  args: [COMPANY_ARG],
  examples: ["snooze Acme"],
  async handler(ctx, { company }) {
    const match = await findApplication(ctx, company);
    if (!match.ok) return companyRefusal(match);
    const [request] = await ctx.repo.listFeedback([match.application.id]);
    if (!request || request.state === "RECEIVED" || request.state === "GAVE_UP") {
      return refusal(
        "no-feedback-reminder",
        `There's no feedback reminder running for ${memberText(match.application.company)}.`,
      );
    }
    const until = new Date(ctx.now.getTime() + WEEK_MS);
    await ctx.repo.upsertFeedback(match.application.id, { snoozedUntil: until });
    return outcome(
      "feedback-snoozed",
      reply(
        `Snoozed: I'll bring up ${memberText(match.application.company)} again in a week, on ${formatMoment(until, ctx.timeZone, false)}.`,
      ),
    );
  },
});
