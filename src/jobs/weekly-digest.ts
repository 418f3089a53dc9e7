/** Weekly team digest, by default Friday 16:00 workspace time (`admin digest-day`, `admin digest-hour`): the week's wins in aggregate, naming only members who share. */

import { digestIntro } from "../core/copy/prompts.ts";
import { winnersLine } from "../core/mentions.ts";
import { duePosts } from "./channel-posts.ts";
import { digestKey } from "./keys.ts";
import { channelMessage, DAY_MS, type JobContext } from "./rules.ts";
import type { NewJobMessage, WeekSummary } from "./store.ts";

/** The digest text; null when the week had nothing to show. Rejections are never part of it. */
export function digestText(summary: WeekSummary, seed: string): string | null {
  const lines = [
    [summary.invitations, "invitation to a next step", "invitations to a next step"],
    [summary.offers, "offer", "offers"],
    [summary.roundsHeld, "round held", "rounds held"],
    [summary.feedbackReceived, "piece of feedback received", "pieces of feedback received"],
    [summary.peopleMet, "person met", "people met"],
    [summary.thingsLearned, "thing learned", "things learned"],
  ] as const;
  const shown = lines
    .filter(([count]) => count > 0)
    .map(([count, one, many]) => `• ${count} ${count === 1 ? one : many}`);
  if (shown.length === 0) return null;
  return `${digestIntro(seed)}\n${shown.join("\n")}${winnersLine(summary.sharingWinners)}`;
}

export async function runWeeklyDigest({ now, store }: JobContext): Promise<number> {
  const due = await duePosts(
    store,
    now,
    (workspace) => ({ weekday: workspace.digestDay, hour: workspace.digestHour }),
    digestKey,
  );
  const summaries = await store.summarizeWeeks(
    due.map((post) => post.workspace.id),
    new Date(now.getTime() - 7 * DAY_MS),
    now,
  );
  const messages: NewJobMessage[] = [];
  for (const { workspace, week, dedupeKey } of due) {
    const summary = summaries.get(workspace.id);
    const text = summary ? digestText(summary, `${workspace.id}:${week}`) : null;
    if (!text || !summary) continue;
    // The names go with the post, so `forget` can take a member out of it again (core/mentions.ts).
    const message = channelMessage(workspace, "digest", text, dedupeKey, now);
    messages.push({ ...message, payload: { ...message.payload, mentions: summary.sharingWinners } });
  }
  return store.enqueueMany(messages);
}
