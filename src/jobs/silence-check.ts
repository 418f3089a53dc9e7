/** Follow-up on silence: an application with no news for the workspace's silence period gets a check-in nudge and template. */
import { commandArgument } from "../core/copy/phrases.ts";
import { silenceNudge } from "../core/copy/prompts.ts";
import { checkInTemplate } from "../core/copy/templates.ts";
import { DAY_MS, directMessage, type JobContext, mayReceive } from "./rules.ts";
import type { NewJobMessage } from "./store.ts";

export async function runSilenceCheck({ now, store }: JobContext): Promise<number> {
  const candidates = await store.silentApplications(new Date(now.getTime() - DAY_MS), now);
  const rejected = await store.recentlyRejectedMembers(new Date(now.getTime() - DAY_MS));
  const messages: NewJobMessage[] = [];
  for (const candidate of candidates) {
    const { application, member, workspace, lastNewsAt } = candidate;
    const daysSilent = Math.floor((now.getTime() - lastNewsAt.getTime()) / DAY_MS);
    if (daysSilent < workspace.silenceDays) continue;
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
        // One nudge per quiet spell: new activity moves lastNewsAt and so the key.
        `check-in:${application.id}:${lastNewsAt.toISOString()}`,
        now,
      ),
    );
  }
  return store.enqueueMany(messages);
}
