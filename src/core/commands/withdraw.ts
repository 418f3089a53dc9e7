/** `withdraw <company>`: the member stepped away. Judging the employer is part of the hunt. */
import { memberText } from "../member-text.ts";
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { changeStatus } from "./status-change.ts";
import { COMPANY_ARG } from "./support.ts";

export const withdrawCommand = defineCommand({
  name: "withdraw",
  aliases: ["withdrawn"],
  group: "pipeline",
  summary: "Log that you withdrew",
  args: [COMPANY_ARG],
  examples: ["withdraw Acme"],
  async handler(ctx, { company }) {
    const change = await changeStatus(ctx, company, "withdraw", "NO_RESPONSE");
    if (!change.ok) return change.answer;
    return outcome(
      "application-withdrawn",
      reply(
        `Marked ${memberText(change.application.company)} as withdrawn. Choosing where not to work is a skill too; \`impression\` lets you note why.`,
      ),
    );
  },
});
