/** `rejected <company> [stage]`: a no from one team. Never posted publicly; private encouragement follows. */

import { memberText } from "../member-text.ts";
import { outcome, reply } from "../outcomes.ts";
import { queueRejectionSupport } from "../outreach.ts";
import { defineCommand } from "./spec.ts";
import { stageWord } from "./stages.ts";
import {
  COMPANY_ARG,
  companyRefusal,
  findApplication,
  latestPending,
  nameInLine,
  roundsOf,
  touchApplication,
} from "./support.ts";
import { checkTransition } from "./transition-check.ts";

export const rejectedCommand = defineCommand({
  name: "rejected",
  aliases: ["rejection", "no"],
  group: "pipeline",
  summary: "Log a rejection (kept private)",
  args: [COMPANY_ARG, { name: "stage", kind: "stage", required: false, description: "the stage it ended at" }],
  examples: ["rejected Acme", "rejected Globex onsite"],
  async handler(ctx, { company, stage }) {
    const match = await findApplication(ctx, company);
    if (!match.ok) return companyRefusal(match);
    const application = match.application;
    const line = async () => `rejected ${await nameInLine(ctx, application)}${stage ? ` ${stageWord(stage)}` : ""}`;
    const stop = await checkTransition(ctx, application, "rejected", line);
    if (stop) return stop;
    const pending = latestPending(await roundsOf(ctx, application));
    if (pending) {
      await ctx.repo.updateRound(pending.id, {
        outcome: "REJECTED",
        outcomeAt: ctx.now,
        stage: pending.stage ?? stage ?? null,
        heldAt: pending.heldAt ?? pending.scheduledAt ?? ctx.now,
      });
    } else if (stage) {
      await ctx.repo.createRound({
        applicationId: application.id,
        stage,
        scheduledAt: null,
        heldAt: ctx.now,
        outcome: "REJECTED",
        outcomeAt: ctx.now,
      });
    }
    await touchApplication(ctx, application, "REJECTED");
    const [existing] = await ctx.repo.listFeedback([application.id]);
    if (!existing) await ctx.repo.upsertFeedback(application.id, { state: "NOT_ASKED" });
    await queueRejectionSupport(ctx, application, stage ?? pending?.stage ?? null);
    return outcome(
      "rejection-logged",
      reply(
        `Logged, privately: nothing about this goes to the team. ${memberText(application.company)} passed this time; that's about what one team needed right now. When you're ready, ask them for written feedback and tell me with \`asked "${memberText(application.company)}"\`.`,
      ),
    );
  },
});
