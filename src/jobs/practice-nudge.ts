/** Practice nudge: once a week (Wednesday from 10:00 local), members with open gaps get one to work on. */
import { pickVariant } from "../core/copy/pick.ts";
import { practiceNudge } from "../core/copy/prompts.ts";
import { practiceKey } from "./keys.ts";
import { DAY_MS, directMessage, isLocalWindow, isoWeekKey, type JobContext, mayReceive, memberZone } from "./rules.ts";
import type { NewJobMessage } from "./store.ts";

export const PRACTICE_DAY = 3;
export const PRACTICE_HOUR = 10;

export async function runPracticeNudge({ now, store }: JobContext): Promise<number> {
  const holders = await store.membersToNudge(now, { weekday: PRACTICE_DAY, hour: PRACTICE_HOUR });
  const rejected = await store.recentlyRejectedMembers(new Date(now.getTime() - DAY_MS));
  const messages: NewJobMessage[] = [];
  for (const holder of holders) {
    const zone = memberZone(holder.member, holder.workspace);
    if (!isLocalWindow(now, zone, PRACTICE_DAY, PRACTICE_HOUR)) continue;
    if (!mayReceive(holder.member, "practice", now, rejected) || holder.gaps.length === 0) continue;
    const week = isoWeekKey(now, zone);
    const gap = pickVariant(holder.gaps, `${holder.member.id}:${week}`);
    messages.push(
      directMessage(
        holder,
        "practice",
        {
          text: `${practiceNudge({ topic: gap.topic }, `${gap.id}:${week}`)}\nDone some? \`practiced ${gap.number}\`.`,
          buttons: [{ actionId: "gap.practiced", label: "I practised it", command: `practiced ${gap.number}` }],
        },
        practiceKey(holder.member.id, week),
        now,
      ),
    );
  }
  return store.enqueueMany(messages);
}
