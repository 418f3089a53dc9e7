/** `withdraw <company>`: the member stepped away. Judging the employer is part of the hunt. */
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { changeStatus } from "./status-change.ts";
import { COMPANY_ARG, companyRefusal } from "./support.ts";

export const withdrawCommand = defineCommand({
  name: "withdraw",
  aliases: ["withdrawn"],
  group: "pipeline",
  summary: "Log that you withdrew",
  args: [COMPANY_ARG],
  examples: ["withdraw Acme"],
  async handler(ctx, { company }) {
    const change = await changeStatus(ctx, company, "WITHDRAWN", "NO_RESPONSE");
    if (!change.ok) return companyRefusal(change);
    return outcome(
      "application-withdrawn",
      reply(
        `Marked ${change.application.company} as withdrawn. Choosing where not to work is a skill too; \`impression\` lets you note why.`,
      ),
    );
  },
});
