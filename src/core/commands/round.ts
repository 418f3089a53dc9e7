/** `round <company> <stage> [when]`: a round scheduled (future) or held (past, or no date given); the reply says when. */

import { refuseAtLimit } from "../limits.ts";
import { memberText } from "../member-text.ts";
import { formatMoment } from "../moments.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";
import { stageLabel } from "./stages.ts";
import { COMPANY_ARG, findOpenApplication, roundsOf, touchApplication } from "./support.ts";

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
    const times = { scheduledAt: when ? at : null, heldAt: upcoming ? null : at };
    const label = stageLabel(stage);
    // The day and time as understood: a date given without a time shows as a day alone.
    const moment = formatMoment(at, ctx.timeZone, when?.hasTime ?? false);
    const rounds = await roundsOf(ctx, application);
    // The same round logged twice (same stage, same time) is one round.
    const scheduled = times.scheduledAt?.getTime();
    if (
      scheduled !== undefined &&
      rounds.some((round) => round.stage === stage && round.scheduledAt?.getTime() === scheduled)
    ) {
      return refusal(
        "round-exists",
        `You already have the ${label} with ${memberText(application.company)} on ${moment}. Nothing to add.`,
      );
    }
    // An invitation to this stage that had no time yet: this is that round, now with its time.
    const invitedTo = rounds.find(
      (round) => round.stage === stage && round.outcome === "PENDING" && !round.scheduledAt && !round.heldAt,
    );
    const full = invitedTo ? null : refuseAtLimit("roundsPerApplication", rounds.length, application.company);
    if (full) return full;
    if (invitedTo) await ctx.repo.updateRound(invitedTo.id, times);
    else await ctx.repo.createRound({ applicationId: application.id, stage, ...times });
    await touchApplication(ctx, application, application.status === "GHOSTED" ? "ACTIVE" : undefined);
    if (upcoming) {
      return outcome(
        "round-scheduled",
        reply(
          `Noted: ${label} with ${memberText(application.company)}, scheduled for ${moment}. I'll help you prep the day before.`,
        ),
      );
    }
    return outcome(
      "round-held",
      reply(
        `Logged your ${label} with ${memberText(application.company)}, held ${when ? "on" : "today,"} ${moment}. Whatever comes next, you did the round. When you hear back: \`invited\` or \`rejected\`.`,
      ),
    );
  },
});
