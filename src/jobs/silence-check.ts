/** Follow-up on silence: an application with no news for the workspace's silence period gets a check-in nudge and template. */

import { commandArgument } from "../core/copy/phrases.ts";
import { silenceNudge } from "../core/copy/prompts.ts";
import { checkInTemplate } from "../core/copy/templates.ts";
import { memberText } from "../core/member-text.ts";
import { DAY_MS, SILENCE_CHECK } from "./eligibility.ts";
import { directMessage, type JobContext } from "./rules.ts";
import type { NewJobMessage } from "./store.ts";

export async function runSilenceCheck({ now, store }: JobContext): Promise<number> {
  const messages: NewJobMessage[] = [];
  for (const candidate of await store.silentApplications(now)) {
    const { application, member, lastNewsAt } = candidate;
    const daysSilent = Math.floor((now.getTime() - lastNewsAt.getTime()) / DAY_MS);
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
        SILENCE_CHECK.kind,
        {
          title: `No news from ${memberText(application.company)}`,
          text,
          buttons: [
            { actionId: "silence.ghosted", label: "Mark as ghosted", command: `ghosted ${name}` },
            { actionId: "silence.waiting", label: "I'll keep waiting", command: `waiting ${name}` },
          ],
        },
        now,
      ),
    );
  }
  return store.enqueueMany(messages);
}
