/** `offer <company>`: an offer arrived. Celebrated like every win. */

import { memberText } from "../member-text.ts";
import { outcome, reply } from "../outcomes.ts";
import { queueWin, winQuestion } from "../outreach.ts";
import { defineCommand } from "./spec.ts";
import { changeStatus } from "./status-change.ts";
import { COMPANY_ARG } from "./support.ts";

export const offerCommand = defineCommand({
  name: "offer",
  group: "pipeline",
  summary: "Log an offer",
  args: [COMPANY_ARG],
  examples: ["offer Acme"],
  async handler(ctx, { company }) {
    const change = await changeStatus(ctx, company, "offer", "NEXT_STEP");
    if (!change.ok) return change.answer;
    const { application } = change;
    const win = await queueWin(ctx, application, { id: application.id, kind: "offer", stage: null });
    return outcome(
      "offer-logged",
      reply(
        `An offer from ${memberText(application.company)}! Take a breath and enjoy it. Deciding is your call: \`accepted "${memberText(application.company)}"\` or \`withdraw "${memberText(application.company)}"\` when you know.${win.teamNotice}`,
        winQuestion(win),
      ),
    );
  },
});
