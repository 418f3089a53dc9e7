/** `waiting <company>`: still waiting to hear; counts as news, so the silence nudge starts over. */
import { memberText } from "../member-text.ts";
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { COMPANY_ARG, companyRefusal, findApplication, touchApplication } from "./support.ts";

export const waitingCommand = defineCommand({
  name: "waiting",
  group: "pipeline",
  summary: "Note that you're still waiting to hear",
  args: [COMPANY_ARG],
  examples: ["waiting Acme"],
  async handler(ctx, { company }) {
    const match = await findApplication(ctx, company);
    if (!match.ok) return companyRefusal(match);
    await touchApplication(ctx, match.application);
    return outcome(
      "waiting-noted",
      reply(
        `Noted, still waiting on ${memberText(match.application.company)}. Waiting is part of it; your next step doesn't have to.`,
      ),
    );
  },
});
