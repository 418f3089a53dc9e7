/** Workspace purge: deletes the data of workspaces whose app was removed once their grace period has passed. */
import type { JobContext } from "./rules.ts";

export async function runWorkspacePurge({ now, store, logger }: JobContext): Promise<number> {
  const purged = await store.purgeWorkspaces(now);
  if (purged > 0) logger.info({ purged }, "deleted workspaces whose app was removed");
  return purged;
}
