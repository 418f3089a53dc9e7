/** Practice nudge: once a week (Wednesday from 10:00 local), members with open gaps get one to work on. */
import { pickVariant } from "../core/copy/pick.ts";
import { practiceNudge } from "../core/copy/prompts.ts";
import { PRACTICE_NUDGE } from "./eligibility.ts";
import { directMessage, type JobContext } from "./rules.ts";
import type { NewJobMessage } from "./store.ts";

export async function runPracticeNudge({ now, store }: JobContext): Promise<number> {
  const messages: NewJobMessage[] = [];
  for (const holder of await store.membersToNudge(now)) {
    const { week } = holder;
    const gap = pickVariant(holder.gaps, `${holder.member.id}:${week}`);
    messages.push(
      directMessage(
        holder,
        PRACTICE_NUDGE.kind,
        {
          text: `${practiceNudge({ topic: gap.topic }, `${gap.id}:${week}`)}\nDone some? \`practiced ${gap.number}\`.`,
          buttons: [{ actionId: "gap.practiced", label: "I practised it", command: `practiced ${gap.number}` }],
        },
        now,
      ),
    );
  }
  return store.enqueueMany(messages);
}
