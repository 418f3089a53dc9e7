/** Follow-up on silence: an application with no news for the workspace's silence period gets a check-in nudge and template. */
import { commandArgument } from "../core/copy/phrases.ts";
import { silenceNudge } from "../core/copy/prompts.ts";
import { checkInTemplate } from "../core/copy/templates.ts";
import { checkInKey } from "./keys.ts";
import { DAY_MS, directMessage, type JobContext, mayReceive } from "./rules.ts";
import type { NewJobMessage } from "./store.ts";

/**
 * How long past the silence period a spell still gets its check-in. The job runs hourly, so this only has to
 * outlast a bot that was down for a weekend; a spell that crossed the line longer ago is stale and left alone. It is
 * also what keeps the scan to the spells crossing now rather than every quiet application in the history.
 */
export const SILENCE_LOOKBACK_MS = 2 * DAY_MS;

export async function runSilenceCheck({ now, store }: JobContext): Promise<number> {
  const candidates = await store.silentApplications(now, SILENCE_LOOKBACK_MS);
  const rejected = await store.recentlyRejectedMembers(new Date(now.getTime() - DAY_MS));
  const messages: NewJobMessage[] = [];
  for (const candidate of candidates) {
    const { application, member, workspace, lastNewsAt } = candidate;
    const daysSilent = Math.floor((now.getTime() - lastNewsAt.getTime()) / DAY_MS);
    const silentMs = now.getTime() - lastNewsAt.getTime();
    if (daysSilent < workspace.silenceDays || silentMs > workspace.silenceDays * DAY_MS + SILENCE_LOOKBACK_MS) continue;
    if (!mayReceive(member, "check-in", now, rejected)) continue;
    const name = commandArgument(application.company);
    const text = `${silenceNudge({ company: application.company, daysSilent }, application.id)}\n\n${checkInTemplate({
      company: application.company,
      contact: null,
      memberName: member.displayName,
      role: application.role,
      daysSilent,
    })}`;
    messages.push(
      directMessage(
        candidate,
        "check-in",
        {
          title: `No news from ${application.company}`,
          text,
          buttons: [
            { actionId: "silence.ghosted", label: "Mark as ghosted", command: `ghosted ${name}` },
            { actionId: "silence.waiting", label: "I'll keep waiting", command: `waiting ${name}` },
          ],
        },
        checkInKey(application.id, lastNewsAt),
        now,
      ),
    );
  }
  return store.enqueueMany(messages);
}
