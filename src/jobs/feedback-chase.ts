/** Feedback chasing: a ready-to-send request a few days after a rejection, a follow-up after asking or a snooze, never past the chase limit (eligibility.ts). */

import { commandArgument } from "../core/copy/phrases.ts";
import { feedbackChaseIntro, feedbackRequestTemplate } from "../core/copy/templates.ts";
import { memberText } from "../core/member-text.ts";
import type { BotButton } from "../core/model.ts";
import { FEEDBACK_CHASE } from "./eligibility.ts";
import { directMessage, type JobContext } from "./rules.ts";
import type { ChaseRecord, FeedbackCandidate, NewJobMessage } from "./store.ts";

function chaseButtons(company: string): BotButton[] {
  const name = commandArgument(company);
  return [
    { actionId: "feedback.asked", label: "I asked for feedback", command: `asked ${name}`, style: "primary" },
    { actionId: "feedback.received", label: "Got feedback", command: `feedback ${name}` },
    { actionId: "feedback.snooze", label: "Snooze a week", command: `snooze ${name}` },
    { actionId: "feedback.skip", label: "Not this one", command: `skip ${name}` },
  ];
}

function chaseMessage(candidate: FeedbackCandidate, now: Date): NewJobMessage {
  const { application, member, chase } = candidate;
  // The copy knows two voices: the first chase, and every later one as a follow-up.
  const chaseNumber = chase === 1 ? 1 : 2;
  const intro = feedbackChaseIntro({ company: application.company, chaseNumber }, `${application.id}:${chase}`);
  const offerTemplate = chase === 1 || candidate.request.state === "NOT_ASKED";
  const template = feedbackRequestTemplate({
    company: application.company,
    interviewer: nameOnly(candidate.interviewer),
    memberName: member.displayName,
    role: application.role,
    stage: candidate.stage,
  });
  return directMessage(
    candidate,
    FEEDBACK_CHASE.kind,
    {
      title: `Feedback from ${memberText(application.company)}`,
      text: offerTemplate ? `${intro}\n\n${template}` : intro,
      buttons: chaseButtons(application.company),
    },
    now,
  );
}

export async function runFeedbackChase({ now, store }: JobContext): Promise<number> {
  const candidates = await store.dueFeedbackChases(now);
  const chases: ChaseRecord[] = candidates.map((candidate) => ({
    requestId: candidate.request.id,
    chaseCount: candidate.chase,
  }));
  // The message and the count that stops it coming again commit together.
  return store.enqueueMany(
    candidates.map((candidate) => chaseMessage(candidate, now)),
    { chases },
  );
}

/** "Dana, the staff engineer" → "Dana": the greeting wants a name, not the member's note. */
export function nameOnly(personMet: string | null): string | null {
  const name = personMet?.split(/[,(;]| - /)[0]?.trim() ?? "";
  return name.length > 0 && name.length <= 40 ? name : null;
}
