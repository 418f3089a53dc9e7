/** Weekly encouragement in the team channel, by default Monday 09:00 workspace time (`admin weekly-day`, `admin weekly-hour`), never repeating within ten weeks. */
import { pickUnused } from "../core/copy/pick.ts";
import { WEEKLY_ENCOURAGEMENTS } from "../core/copy/weekly.ts";
import { channelMessage, DAY_MS, isLocalWindow, isoWeekKey, type JobContext } from "./rules.ts";
import type { NewJobMessage } from "./store.ts";

/** No message repeats in a workspace within this many weeks. */
export const NO_REPEAT_WEEKS = 10;

export async function runWeeklyEncouragement({ now, store }: JobContext): Promise<number> {
  const messages: NewJobMessage[] = [];
  for (const workspace of await store.workspacesWithChannel()) {
    const zone = workspace.defaultTimezone;
    if (!workspace.weeklyEncouragement || !isLocalWindow(now, zone, workspace.weeklyDay, workspace.weeklyHour))
      continue;
    const week = isoWeekKey(now, zone);
    const since = new Date(now.getTime() - NO_REPEAT_WEEKS * 7 * DAY_MS);
    const recent = await store.recentTexts(workspace.id, "weekly", since);
    const used = recent.map((text) => WEEKLY_ENCOURAGEMENTS.indexOf(text)).filter((index) => index >= 0);
    const index = pickUnused(WEEKLY_ENCOURAGEMENTS.length, used, `${workspace.id}:${week}`);
    const text = WEEKLY_ENCOURAGEMENTS[index] as string;
    messages.push(channelMessage(workspace, "weekly", text, `weekly:${week}`, now));
  }
  return store.enqueueMany(messages);
}
