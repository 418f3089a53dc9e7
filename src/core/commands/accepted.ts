/** `accepted <company>`: the member accepted an offer. The biggest win of all. */

import { memberText } from "../member-text.ts";
import { outcome, reply } from "../outcomes.ts";
import { queueWin, winQuestion } from "../outreach.ts";
import { defineCommand } from "./spec.ts";
import { changeStatus } from "./status-change.ts";
import { COMPANY_ARG } from "./support.ts";

export const acceptedCommand = defineCommand({
  name: "accepted",
  aliases: ["accept"],
  group: "pipeline",
  summary: "Log that you accepted an offer",
  args: [COMPANY_ARG],
  examples: ["accepted Acme"],
  async handler(ctx, { company }) {
    const change = await changeStatus(ctx, company, "accepted", "NEXT_STEP");
    if (!change.ok) return change.answer;
    const { application } = change;
    const win = await queueWin(ctx, application, { id: application.id, kind: "accepted", stage: null });
    return outcome(
      "offer-accepted",
      reply(
        `You accepted ${memberText(application.company)}. Every round, every no and every follow-up led here. Congratulations! \`pause\` the reminders whenever you like.${win.teamNotice}`,
        winQuestion(win),
      ),
    );
  },
});
