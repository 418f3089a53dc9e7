/** `timeline <company>`: the dated story of one application. */
import type { Application, FeedbackRequest, Reflection, Round } from "../model.ts";
import { outcome, reply } from "../outcomes.ts";
import { formatLocalDate } from "../time.ts";
import { defineCommand } from "./spec.ts";
import { stageLabel } from "./stages.ts";
import { COMPANY_ARG, companyRefusal, findApplication, STATUS_WORDS } from "./support.ts";

type Entry = { at: Date; text: string };

export const timelineCommand = defineCommand({
  name: "timeline",
  aliases: ["history"],
  group: "views",
  summary: "Show the dated history of one application",
  args: [COMPANY_ARG],
  examples: ["timeline Acme"],
  readsOnly: true,
  async handler(ctx, { company }) {
    const match = await findApplication(ctx, company);
    if (!match.ok) return companyRefusal(match);
    const application = match.application;
    const [rounds, feedback, reflections] = await Promise.all([
      ctx.repo.listRounds([application.id]),
      ctx.repo.listFeedback([application.id]),
      ctx.repo.listReflections(ctx.member.id),
    ]);
    const entries = timelineEntries(
      application,
      rounds,
      feedback[0],
      reflections.filter((reflection) => reflection.applicationId === application.id),
    );
    const fields = [{ label: "Status", value: STATUS_WORDS[application.status] }];
    if (application.impression) fields.push({ label: "Your impression", value: `${application.impression}/5` });
    return outcome(
      "timeline-shown",
      reply(application.role ? `Role: ${application.role}` : "", {
        title: `Timeline: ${application.company}`,
        fields,
        items: entries.map((entry) => `${formatLocalDate(entry.at, ctx.timeZone)}: ${entry.text}`),
      }),
    );
  },
});

/** Everything that happened, oldest first. */
export function timelineEntries(
  application: Application,
  rounds: readonly Round[],
  feedback: FeedbackRequest | undefined,
  reflections: readonly Reflection[],
): Entry[] {
  const entries: Entry[] = [{ at: application.appliedAt, text: "applied" }];
  for (const round of rounds) {
    const label = stageLabel(round.stage);
    if (round.scheduledAt && !round.heldAt) entries.push({ at: round.scheduledAt, text: `${label} scheduled` });
    if (round.heldAt) entries.push({ at: round.heldAt, text: `${label} held` });
    if (!round.scheduledAt && !round.heldAt) entries.push({ at: round.createdAt, text: `invited to the ${label}` });
    if (round.outcomeAt && round.outcome === "NEXT_STEP")
      entries.push({ at: round.outcomeAt, text: `${label}: passed` });
    if (round.outcomeAt && round.outcome === "REJECTED")
      entries.push({ at: round.outcomeAt, text: `${label}: not this time` });
  }
  if (feedback?.askedAt) entries.push({ at: feedback.askedAt, text: "asked for feedback" });
  if (feedback?.receivedAt)
    entries.push({ at: feedback.receivedAt, text: `feedback: ${feedback.feedback ?? "received"}` });
  for (const reflection of reflections) {
    if (reflection.personMet) entries.push({ at: reflection.createdAt, text: `met ${reflection.personMet}` });
    if (reflection.learned) entries.push({ at: reflection.createdAt, text: `learned ${reflection.learned}` });
  }
  if (application.status !== "ACTIVE") {
    entries.push({ at: application.statusChangedAt, text: STATUS_WORDS[application.status] });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
