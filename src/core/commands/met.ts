/** `met <company> <who>`: own success metric, did I meet someone? */
import { memberText } from "../member-text.ts";
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { COMPANY_ARG, companyRefusal, recordReflection } from "./support.ts";

export const metCommand = defineCommand({
  name: "met",
  group: "metrics",
  summary: "Record someone you met through an application",
  args: [COMPANY_ARG, { name: "who", kind: "text", required: true, rest: true, description: "who you met" }],
  examples: ["met Acme Dana, the staff engineer who ran the pairing round"],
  async handler(ctx, { company, who }) {
    const match = await recordReflection(ctx, company, { personMet: who, learned: null });
    if (!match.ok) return companyRefusal(match);
    return outcome(
      "person-met-recorded",
      reply(
        `Met ${memberText(who)} at ${memberText(match.application.company)}: that's a success you own, whatever the outcome.`,
      ),
    );
  },
});
