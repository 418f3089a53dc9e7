/** The weekly channel posts' shared first step: workspaces with a team channel whose local posting window is open and whose post for this week is not queued yet. */

import type { Workspace } from "../core/model.ts";
import { isLocalWindow, isoWeekKey } from "./rules.ts";
import { type JobStore, queuedKey } from "./store.ts";

export interface DuePost {
  workspace: Workspace;
  /** The ISO week in the workspace's zone, e.g. "2026-W48". */
  week: string;
  dedupeKey: string;
}

export async function duePosts(
  store: JobStore,
  now: Date,
  when: (workspace: Workspace) => { weekday: number; hour: number } | null,
  keyOf: (week: string) => string,
): Promise<DuePost[]> {
  const open: DuePost[] = [];
  for (const workspace of await store.workspacesWithChannel()) {
    const window = when(workspace);
    const zone = workspace.defaultTimezone;
    if (!window || !isLocalWindow(now, zone, window.weekday, window.hour)) continue;
    const week = isoWeekKey(now, zone);
    open.push({ workspace, week, dedupeKey: keyOf(week) });
  }
  const queued = await store.queuedKeys(
    open.map((post) => ({ workspaceId: post.workspace.id, dedupeKey: post.dedupeKey })),
  );
  return open.filter((post) => !queued.has(queuedKey({ workspaceId: post.workspace.id, dedupeKey: post.dedupeKey })));
}
