/** Prep reminder: the evening before a scheduled round, a DM naming the round and the member's open gaps. */
import { prepReminder } from "../core/copy/prompts.ts";
import { formatMoment } from "../core/moments.ts";
import { prepKey } from "./keys.ts";
import { dayBeforeAt, directMessage, HOUR_MS, type JobContext, mayReceive, memberZone } from "./rules.ts";
import type { NewJobMessage } from "./store.ts";

/** Local hour, the day before, from which the reminder may go out. */
export const PREP_HOUR = 17;
/**
 * How far ahead a round can be and still have its eve come: the eve is `PREP_HOUR`:00 on the local day before, at
 * most 24 + (24 - PREP_HOUR) hours before the round, plus an hour for a DST change in between.
 */
export const PREP_LOOKAHEAD_MS = (24 + (24 - PREP_HOUR) + 1) * HOUR_MS;
/** Too close to the round to be useful. */
const TOO_LATE_MS = HOUR_MS;

export async function runPrepReminder({ now, store }: JobContext): Promise<number> {
  const rounds = await store.roundsToPrepare(now, new Date(now.getTime() + PREP_LOOKAHEAD_MS), PREP_HOUR);
  const messages: NewJobMessage[] = [];
  for (const candidate of rounds) {
    const { round, application, member, workspace } = candidate;
    if (!round.scheduledAt || !mayReceive(member, "prep", now)) continue;
    const zone = memberZone(member, workspace);
    if (now < dayBeforeAt(round.scheduledAt, zone, PREP_HOUR)) continue;
    const message = directMessage(
      candidate,
      "prep",
      {
        title: `Tomorrow: ${application.company}`,
        text: prepReminder(
          {
            company: application.company,
            stage: round.stage,
            whenLocal: formatMoment(round.scheduledAt, zone),
            gaps: candidate.openGaps,
          },
          round.id,
        ),
      },
      prepKey(round.id),
      now,
    );
    // Quiet hours may push it past the point of use; then it's better unsaid.
    if (message.nextAttemptAt.getTime() > round.scheduledAt.getTime() - TOO_LATE_MS) continue;
    messages.push(message);
  }
  return store.enqueueMany(messages);
}
