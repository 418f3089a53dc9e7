/** `timeline <company>`: the dated story of one application. */
import { memberText } from "../member-text.ts";
import type { Application, FeedbackRequest, Note, Reflection, Round, RoundOutcome } from "../model.ts";
import { outcome, reply } from "../outcomes.ts";
import { tookPlaceAt } from "../round-times.ts";
import { formatLocalDay } from "../time.ts";
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
    const [rounds, feedback, reflections, notes] = await Promise.all([
      ctx.repo.listRounds([application.id]),
      ctx.repo.listFeedback([application.id]),
      ctx.repo.listReflections(ctx.member.id),
      ctx.repo.listNotes(ctx.member.id),
    ]);
    const entries = timelineEntries(
      application,
      rounds,
      feedback[0],
      reflections.filter((reflection) => reflection.applicationId === application.id),
      notes.filter((note) => note.applicationId === application.id),
      ctx.now,
    );
    const fields = [{ label: "Status", value: STATUS_WORDS[application.status] }];
    if (application.impression) fields.push({ label: "Your impression", value: `${application.impression}/5` });
    if (application.source) fields.push({ label: "Found through", value: memberText(application.source) });
    if (application.link) fields.push({ label: "Link", value: memberText(application.link) });
    return outcome(
      "timeline-shown",
      reply(application.role ? `Role: ${memberText(application.role)}` : "", {
        title: `Timeline: ${memberText(application.company)}`,
        fields,
        items: entries.map((entry) => `${formatLocalDay(entry.at, ctx.timeZone)}: ${entry.text}`),
      }),
    );
  },
});

/** Everything that happened, oldest first: each round once, at the time it took place (or is booked), with its outcome. */
export function timelineEntries(
  application: Application,
  rounds: readonly Round[],
  feedback: FeedbackRequest | undefined,
  reflections: readonly Reflection[],
  notes: readonly Note[],
  now: Date,
): Entry[] {
  const entries: Entry[] = [{ at: application.appliedAt, text: "applied" }];
  for (const round of rounds) entries.push(roundEntry(round, now));
  if (feedback?.askedAt) entries.push({ at: feedback.askedAt, text: "asked for feedback" });
  if (feedback?.receivedAt)
    entries.push({
      at: feedback.receivedAt,
      text: `feedback: ${feedback.feedback === null ? "received" : memberText(feedback.feedback)}`,
    });
  for (const reflection of reflections) {
    if (reflection.personMet)
      entries.push({ at: reflection.createdAt, text: `met ${memberText(reflection.personMet)}` });
    if (reflection.learned)
      entries.push({ at: reflection.createdAt, text: `learned ${memberText(reflection.learned)}` });
  }
  for (const note of notes) entries.push({ at: note.createdAt, text: `note: ${memberText(note.text)}` });
  if (application.status !== "ACTIVE") {
    entries.push({ at: application.statusChangedAt, text: STATUS_WORDS[application.status] });
  }
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}

const SETTLED: Record<Exclude<RoundOutcome, "PENDING">, string> = {
  NEXT_STEP: "passed",
  REJECTED: "not this time",
  NO_RESPONSE: "no answer",
};

/** One round as one line: when it took place, is booked, or (neither yet) when the member was invited to it. */
function roundEntry(round: Round, now: Date): Entry {
  const label = stageLabel(round.stage);
  const tookPlace = tookPlaceAt(round, now);
  const at = tookPlace ?? round.scheduledAt ?? round.outcomeAt ?? round.createdAt;
  if (round.outcome !== "PENDING") return { at, text: `${label}: ${SETTLED[round.outcome]}` };
  if (tookPlace) return { at, text: `${label}: held, waiting to hear` };
  if (round.scheduledAt) return { at, text: `${label}: scheduled` };
  return { at, text: `invited to the ${label}` };
}
