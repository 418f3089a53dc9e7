/**
 * Workspace purge: deletes the data of workspaces whose app was removed once their grace period has passed. Each
 * workspace goes in its own transaction, whole or not at all; a run starts no new one after its time budget, and
 * the rest wait for the next run, so no run holds the database for long however many leave at once.
 */
import type { JobContext } from "./rules.ts";

/** After this long a run finishes the workspace it is deleting and leaves the others to the next run. */
export const PURGE_BUDGET_MS = 1000;

export async function runWorkspacePurge({
  now,
  store,
  logger,
  stopwatch = () => performance.now(),
}: JobContext): Promise<number> {
  const started = stopwatch();
  let purged = 0;
  let left = 0;
  for (const workspaceId of await store.workspacesDueForDeletion(now)) {
    // Every run deletes at least one, so the purge moves on even when listing alone used up the budget.
    if (purged > 0 && stopwatch() - started >= PURGE_BUDGET_MS) {
      left += 1;
      continue;
    }
    if (await store.purgeWorkspace(workspaceId, now)) purged += 1;
  }
  if (purged > 0 || left > 0) logger.info({ purged, left }, "deleted workspaces whose app was removed");
  return purged;
}
