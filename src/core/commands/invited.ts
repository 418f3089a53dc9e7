/** `invited <company> [stage] [when]`: an invitation to the next step, a win worth celebrating. */

import { momentWords } from "../confirm.ts";
import { refuseAtLimit } from "../limits.ts";
import { memberText } from "../member-text.ts";
import { formatMoment } from "../moments.ts";
import { outcome, reply } from "../outcomes.ts";
import { queueWin, winQuestion } from "../outreach.ts";
import { heldBy, tookPlaceAt } from "../round-times.ts";
import { statusAfter } from "../transitions.ts";
import { defineCommand } from "./spec.ts";
import { stageLabel, stageWord } from "./stages.ts";
import { COMPANY_ARG, companyRefusal, findApplication, nameInLine, roundsOf, touchApplication } from "./support.ts";
import { checkTransition } from "./transition-check.ts";

export const invitedCommand = defineCommand({
  name: "invited",
  aliases: ["next", "passed"],
  group: "pipeline",
  summary: "Log an invitation to the next step (a win!)",
  args: [
    COMPANY_ARG,
    { name: "stage", kind: "stage", required: false, description: "the next stage, if you know it" },
    { name: "when", kind: "when", required: false, rest: true, description: "when the next round is" },
  ],
  examples: ["invited Acme onsite Dec 3 10:00", "invited Globex"],
  async handler(ctx, { company, stage, when }) {
    const match = await findApplication(ctx, company);
    if (!match.ok) return companyRefusal(match);
    const application = match.application;
    const said = [stage ? stageWord(stage) : "", when ? momentWords(when.at, ctx.timeZone) : ""].filter(Boolean);
    const stop = await checkTransition(ctx, application, "invited", async () =>
      ["invited", await nameInLine(ctx, application), ...said].join(" "),
    );
    if (stop) return stop;
    const rounds = await roundsOf(ctx, application);
    const pending = rounds.filter((round) => round.outcome === "PENDING");
    // An invitation to a stage already booked and still to come is news of that round, not a step past it.
    const booked = stage ? pending.find((round) => round.stage === stage && !tookPlaceAt(round, ctx.now)) : undefined;
    const full = booked ? null : refuseAtLimit("roundsPerApplication", rounds.length, application.company);
    if (full) return full;
    // Every other round still waiting is behind the member now: the invitation is their answer.
    const passed = pending.filter((round) => round !== booked);
    for (const round of passed) {
      await ctx.repo.updateRound(round.id, {
        outcome: "NEXT_STEP",
        outcomeAt: ctx.now,
        heldAt: heldBy(round, ctx.now),
      });
    }
    if (passed.length === 0 && !rounds.some((round) => round.stage === "APPLIED")) {
      // The step that was passed is the application itself: record it so every invitation counts.
      await ctx.repo.createRound({
        applicationId: application.id,
        stage: "APPLIED",
        scheduledAt: null,
        heldAt: application.appliedAt,
        outcome: "NEXT_STEP",
        outcomeAt: ctx.now,
      });
    }
    const next = booked
      ? when
        ? await ctx.repo.updateRound(booked.id, { scheduledAt: when.at })
        : booked
      : await ctx.repo.createRound({
          applicationId: application.id,
          stage: stage ?? null,
          scheduledAt: when?.at ?? null,
          heldAt: null,
        });
    await touchApplication(ctx, application, statusAfter(application.status, "invited"));
    const win = await queueWin(ctx, application, { id: next.id, kind: "invitation", stage: stage ?? null });
    const whenText = when ? ` on ${formatMoment(when.at, ctx.timeZone, when.hasTime)}` : "";
    const shared = win.teamNotice;
    return outcome(
      "invitation-logged",
      reply(
        `That's a win: ${memberText(application.company)} wants to see more of you. ${capitalize(stageLabel(stage ?? null))}${whenText} is on your list.${shared}`,
        winQuestion(win),
      ),
    );
  },
});

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
