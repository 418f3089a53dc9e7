/** `round <company> <stage> [when]`: a round scheduled (future) or held (past, or no date given); the reply says when. */

import { formatMoment } from "../moments.ts";
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { stageLabel } from "./stages.ts";
import { COMPANY_ARG, findOpenApplication, touchApplication } from "./support.ts";

export const roundCommand = defineCommand({
  name: "round",
  aliases: ["interview"],
  group: "pipeline",
  summary: "Log an interview round, upcoming or just held",
  args: [
    COMPANY_ARG,
    { name: "stage", kind: "stage", required: true, description: "screen, technical, onsite, …" },
    { name: "when", kind: "when", required: false, rest: true, description: "when it is or was, e.g. tomorrow 3pm" },
  ],
  examples: ["round Acme technical tomorrow 3pm", "round Globex screen"],
  async handler(ctx, { company, stage, when }) {
    const open = await findOpenApplication(ctx, company, ", so I can't add a round to it.");
    if (!open.ok) return open.refusal;
    const application = open.application;
    const at = when?.at ?? ctx.now;
    const upcoming = at.getTime() > ctx.now.getTime();
    await ctx.repo.createRound({
      applicationId: application.id,
      stage,
      scheduledAt: when ? at : null,
      heldAt: upcoming ? null : at,
    });
    await touchApplication(ctx, application, application.status === "GHOSTED" ? "ACTIVE" : undefined);
    const label = stageLabel(stage);
    // The day and time as understood: a date given without a time shows as a day alone.
    const moment = formatMoment(at, ctx.timeZone, when?.hasTime ?? false);
    if (upcoming) {
      return outcome(
        "round-scheduled",
        reply(
          `Noted: ${label} with ${application.company}, scheduled for ${moment}. I'll help you prep the day before.`,
        ),
      );
    }
    return outcome(
      "round-held",
      reply(
        `Logged your ${label} with ${application.company}, held ${when ? "on" : "today,"} ${moment}. Whatever comes next, you did the round. When you hear back: \`invited\` or \`rejected\`.`,
      ),
    );
  },
});
