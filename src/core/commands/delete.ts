/** `delete <company>`: removes one application with its rounds, feedback and notes, after asking. */

import { confirmButtons } from "../confirm.ts";
import { memberText } from "../member-text.ts";
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { COMPANY_ARG, companyRefusal, findApplication, nameInLine } from "./support.ts";

export const deleteCommand = defineCommand({
  name: "delete",
  group: "corrections",
  summary: "Delete one application you logged by mistake",
  args: [COMPANY_ARG],
  examples: ["delete Globex"],
  async handler(ctx, { company }) {
    const match = await findApplication(ctx, company);
    if (!match.ok) return companyRefusal(match);
    const { application } = match;
    const name = application.role
      ? `${memberText(application.company)} (${memberText(application.role)})`
      : memberText(application.company);
    const rounds = await ctx.repo.listRounds([application.id]);
    if (!ctx.confirmed) {
      const line = `delete ${await nameInLine(ctx, application)}`;
      const count = rounds.length === 1 ? "round, " : rounds.length > 1 ? `${rounds.length} rounds, ` : "";
      return outcome(
        "delete-needs-confirmation",
        reply(
          `Delete ${name}? Its ${count}feedback and notes go with it; whom you met and what you learned stay yours. \`undo\` brings it all back within a day.`,
          { buttons: confirmButtons(line, { yes: `Delete ${memberText(application.company)}`, no: "Keep it" }) },
        ),
      );
    }
    // Whatever was queued about it (celebrations, encouragement, chases, reminders) would speak of something gone.
    await ctx.repo.cancelPendingMessages(ctx.member.id, {
      about: [application.id, ...rounds.map((round) => round.id)],
    });
    await ctx.repo.deleteApplication(application.id);
    return outcome(
      "application-deleted",
      reply(`Deleted ${name}, with its rounds, feedback and notes. Nothing more about it will come from me.`),
    );
  },
});
