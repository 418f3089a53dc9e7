/** Prep reminder: the evening before a scheduled round, a DM naming the round and the member's open gaps. */

import { prepReminder } from "../core/copy/prompts.ts";
import { memberText } from "../core/member-text.ts";
import { formatMoment } from "../core/moments.ts";
import { HOUR_MS, PREP_REMINDER } from "./eligibility.ts";
import { directMessage, type JobContext, memberZone } from "./rules.ts";
import type { NewJobMessage } from "./store.ts";

/** Too close to the round to be useful: a matter of timing (quiet hours), decided once the DM is timed. */
const TOO_LATE_MS = HOUR_MS;

export async function runPrepReminder({ now, store }: JobContext): Promise<number> {
  const messages: NewJobMessage[] = [];
  for (const candidate of await store.roundsToPrepare(now)) {
    const { round, application, member, workspace } = candidate;
    if (!round.scheduledAt) continue;
    const message = directMessage(
      candidate,
      PREP_REMINDER.kind,
      {
        title: `Tomorrow: ${memberText(application.company)}`,
        text: prepReminder(
          {
            company: application.company,
            stage: round.stage,
            whenLocal: formatMoment(round.scheduledAt, memberZone(member, workspace)),
            gaps: candidate.openGaps,
          },
          round.id,
        ),
      },
      now,
    );
    // Quiet hours may push it past the point of use; then it's better unsaid.
    if (message.nextAttemptAt.getTime() > round.scheduledAt.getTime() - TOO_LATE_MS) continue;
    messages.push(message);
  }
  return store.enqueueMany(messages);
}
