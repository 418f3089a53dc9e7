/** Weekly encouragement in the team channel, by default Monday 09:00 workspace time (`admin weekly-day`, `admin weekly-hour`), never repeating within ten weeks. */
import { pickUnused } from "../core/copy/pick.ts";
import { WEEKLY_ENCOURAGEMENTS } from "../core/copy/weekly.ts";
import { duePosts } from "./channel-posts.ts";
import { weeklyKey } from "./keys.ts";
import { channelMessage, DAY_MS, type JobContext } from "./rules.ts";

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
  const since = new Date(now.getTime() - NO_REPEAT_WEEKS * 7 * DAY_MS);
  const recent = await store.recentTexts(
    due.map((post) => post.workspace.id),
    "weekly",
    since,
  );
  const messages = due.map(({ workspace, week, dedupeKey }) => {
    const used = (recent.get(workspace.id) ?? [])
      .map((text) => WEEKLY_ENCOURAGEMENTS.indexOf(text))
      .filter((index) => index >= 0);
    const index = pickUnused(WEEKLY_ENCOURAGEMENTS.length, used, `${workspace.id}:${week}`);
    return channelMessage(workspace, "weekly", WEEKLY_ENCOURAGEMENTS[index] as string, dedupeKey, now);
  });
  return store.enqueueMany(messages);
}
