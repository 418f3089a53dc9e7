/** Feedback chasing: a ready-to-send request a few days after a rejection, one follow-up a week after asking, never more than two. */
import { commandArgument } from "../core/copy/phrases.ts";
import { feedbackChaseIntro, feedbackRequestTemplate } from "../core/copy/templates.ts";
import type { BotButton } from "../core/model.ts";
import { feedbackChaseKey } from "./keys.ts";
import { DAY_MS, directMessage, type JobContext, mayReceive } from "./rules.ts";
import type { FeedbackCandidate, NewJobMessage } from "./store.ts";

/** How long after asking before the single follow-up nudge. */
export const FOLLOW_UP_AFTER_MS = 7 * DAY_MS;
export const MAX_CHASES = 2;

/** Which chase (1 or 2) is due for this candidate now, if any. */
export function dueChase(candidate: FeedbackCandidate, now: Date): 1 | 2 | null {
  const { request, application, workspace } = candidate;
  if (request.chaseCount >= MAX_CHASES) return null;
  if (request.snoozedUntil && request.snoozedUntil > now) return null;
  if (request.state === "ASKED") {
    // The follow-up after asking is always the last chase, whether or not a first one came before.
    return request.askedAt && now.getTime() - request.askedAt.getTime() >= FOLLOW_UP_AFTER_MS ? 2 : null;
  }
  if (request.state !== "NOT_ASKED") return null;
  if (request.chaseCount === 0) {
    return now.getTime() - application.statusChangedAt.getTime() >= workspace.feedbackChaseDays * DAY_MS ? 1 : null;
  }
  // A first chase snoozed by the member comes back once when the snooze ends (chasing clears older snoozes).
  return request.snoozedUntil ? 2 : null;
}

function chaseButtons(company: string): BotButton[] {
  const name = commandArgument(company);
  return [
    { actionId: "feedback.asked", label: "I asked for feedback", command: `asked ${name}`, style: "primary" },
    { actionId: "feedback.received", label: "Got feedback", command: `feedback ${name}` },
    { actionId: "feedback.snooze", label: "Snooze a week", command: `snooze ${name}` },
    { actionId: "feedback.skip", label: "Not this one", command: `skip ${name}` },
  ];
}

function chaseMessage(candidate: FeedbackCandidate, chase: 1 | 2, now: Date): NewJobMessage {
  const { application, member } = candidate;
  const intro = feedbackChaseIntro({ company: application.company, chaseNumber: chase }, `${application.id}:${chase}`);
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
    "feedback-chase",
    {
      title: `Feedback from ${application.company}`,
      text: offerTemplate ? `${intro}\n\n${template}` : intro,
      buttons: chaseButtons(application.company),
    },
    feedbackChaseKey(application.id, chase),
    now,
  );
}

export async function runFeedbackChase({ now, store }: JobContext): Promise<number> {
  const candidates = await store.dueFeedbackChases(now, FOLLOW_UP_AFTER_MS);
  const messages: NewJobMessage[] = [];
  const chases: { requestId: string; chaseCount: number }[] = [];
  for (const candidate of candidates) {
    if (!mayReceive(candidate.member, "feedback-chase", now)) continue;
    const chase = dueChase(candidate, now);
    if (!chase) continue;
    messages.push(chaseMessage(candidate, chase, now));
    chases.push({ requestId: candidate.request.id, chaseCount: chase });
  }
  const created = await store.enqueueMany(messages);
  // Recording after the insert is safe to repeat: the dedupe key already stops a second message.
  await store.recordChases(chases);
  return created;
}

/** "Dana, the staff engineer" → "Dana": the greeting wants a name, not the member's note. */
export function nameOnly(personMet: string | null): string | null {
  const name = personMet?.split(/[,(;]| - /)[0]?.trim() ?? "";
  return name.length > 0 && name.length <= 40 ? name : null;
}
