/** `learned <company> <what>`: own success metric, did I learn something? */
import { memberText } from "../member-text.ts";
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { COMPANY_ARG, companyRefusal, recordReflection } from "./support.ts";

export const learnedCommand = defineCommand({
  name: "learned",
  aliases: ["learnt"],
  group: "metrics",
  summary: "Record something you learned through an application",
  args: [COMPANY_ARG, { name: "what", kind: "text", required: true, rest: true, description: "what you learned" }],
  examples: ["learned Acme how consistent hashing handles node loss"],
  async handler(ctx, { company, what }) {
    const match = await recordReflection(ctx, company, { learned: what, personMet: null });
    if (!match.ok) return companyRefusal(match);
    return outcome(
      "learning-recorded",
      reply(
        `Learned from ${memberText(match.application.company)}: "${memberText(what)}". That stays with you into the next round.`,
      ),
    );
  },
});
