/** Weekly encouragement in the team channel, by default Monday 09:00 workspace time (`admin weekly-day`, `admin weekly-hour`), never repeating within ten weeks. */
import { pickUnused } from "../core/copy/pick.ts";
import { WEEKLY_ENCOURAGEMENTS } from "../core/copy/weekly.ts";
import type { Workspace } from "../core/model.ts";
import { duePosts } from "./channel-posts.ts";
import { weeklyKey } from "./keys.ts";
import { channelMessage, DAY_MS, isoWeekKey, type JobContext } from "./rules.ts";
import { queuedKey } from "./store.ts";

/** No message repeats in a workspace within this many weeks. */
export const NO_REPEAT_WEEKS = 10;

export async function runWeeklyEncouragement({ now, store }: JobContext): Promise<number> {
  const due = await duePosts(
    store,
    now,
    (workspace) =>
      workspace.weeklyEncouragement ? { weekday: workspace.weeklyDay, hour: workspace.weeklyHour } : null,
    weeklyKey,
  );
  if (due.length === 0) return 0;
  // The posts of the weeks before, by their keys: the unique index finds them without scanning the outbox.
  const earlier = (workspace: Workspace) =>
    Array.from({ length: NO_REPEAT_WEEKS }, (_, weeksAgo) => ({
      workspaceId: workspace.id,
      dedupeKey: weeklyKey(
        isoWeekKey(new Date(now.getTime() - (weeksAgo + 1) * 7 * DAY_MS), workspace.defaultTimezone),
      ),
    }));
  const recent = await store.queuedTexts(due.flatMap((post) => earlier(post.workspace)));
  const messages = due.map(({ workspace, week, dedupeKey }) => {
    const used = earlier(workspace)
      .map((pair) => WEEKLY_ENCOURAGEMENTS.indexOf(recent.get(queuedKey(pair)) ?? ""))
      .filter((index) => index >= 0);
    const index = pickUnused(WEEKLY_ENCOURAGEMENTS.length, used, `${workspace.id}:${week}`);
    return channelMessage(workspace, "weekly", WEEKLY_ENCOURAGEMENTS[index] as string, dedupeKey, now);
  });
  return store.enqueueMany(messages);
}
