/** `rounds <company>`: one application's rounds, numbered for `round-edit` and `round-cancel`. */

import { quoteWord } from "../confirm.ts";
import { memberText } from "../member-text.ts";
import { outcome, reply } from "../outcomes.ts";
import { describeRound } from "./round-numbers.ts";
import { defineCommand } from "./spec.ts";
import { COMPANY_ARG, companyRefusal, findApplication } from "./support.ts";

export const roundsCommand = defineCommand({
  name: "rounds",
  group: "corrections",
  summary: "List one application's rounds, numbered",
  args: [COMPANY_ARG],
  examples: ["rounds Acme"],
  readsOnly: true,
  async handler(ctx, { company }) {
    const match = await findApplication(ctx, company);
    if (!match.ok) return companyRefusal(match);
    const { application } = match;
    const rounds = await ctx.repo.listRounds([application.id]);
    const name = quoteWord(application.company);
    if (rounds.length === 0) {
      return outcome(
        "rounds-shown",
        reply(
          `No rounds logged with ${memberText(application.company)} yet. Add one with \`round ${memberText(name)} <stage> [when]\`.`,
        ),
      );
    }
    return outcome(
      "rounds-shown",
      reply(
        `Fix one with \`round-edit ${memberText(name)} <number> stage|when <value>\`, or remove one that won't happen with \`round-cancel ${memberText(name)} <number>\`.`,
        {
          title: `Rounds with ${memberText(application.company)}`,
          items: rounds.map((round, index) => `${index + 1}. ${describeRound(round, ctx.timeZone, ctx.now)}`),
        },
      ),
    );
  },
});
