/** Platform identity to workspace, remembered: an id never changes, while the row (settings, deletion schedule) is read inside each unit of work. */
import type { Workspace } from "./model.ts";
import { type Store, type WorkspaceIdentity, WorkspaceNotFoundError, type WorkspaceRepo } from "./ports.ts";

/** Enough for every community one process serves; beyond it the map starts over rather than grow. */
const MAX_REMEMBERED = 10_000;

export interface WorkspaceDirectory {
  /**
   * Runs `work` in one transaction of the identity's workspace (created the first time), with the row as that
   * transaction reads it. Activity cancels a scheduled deletion, even when `work` fails or refuses.
   */
  within<T>(identity: WorkspaceIdentity, work: (repo: WorkspaceRepo, workspace: Workspace) => Promise<T>): Promise<T>;
}

export function createWorkspaceDirectory(store: Store): WorkspaceDirectory {
  const ids = new Map<string, string>();
  const keyOf = (identity: WorkspaceIdentity) => `${identity.platform}:${identity.externalId}`;
  const remember = (identity: WorkspaceIdentity, id: string) => {
    if (ids.size >= MAX_REMEMBERED) ids.clear();
    ids.set(keyOf(identity), id);
  };

  async function attempt<T>(id: string, work: (repo: WorkspaceRepo, workspace: Workspace) => Promise<T>): Promise<T> {
    let scheduled = false;
    try {
      return await store.inWorkspace(id, async (repo) => {
        const workspace = await repo.getWorkspace();
        // Another process may have scheduled the deletion since this one last looked; reading it here sees that.
        scheduled = workspace.deletionScheduledAt !== null;
        return work(repo, scheduled ? { ...workspace, deletionScheduledAt: null } : workspace);
      });
    } finally {
      // Outside the transaction, so that a refusal rolling it back still counts as activity.
      if (scheduled) await store.scheduleWorkspaceDeletion(id, null);
    }
  }

  return {
    async within(identity, work) {
      const known = ids.get(keyOf(identity));
      if (known !== undefined) {
        try {
          return await attempt(known, work);
        } catch (error) {
          // Deleted since (its grace period ran out on some process): forget it and start the identity afresh.
          if (!(error instanceof WorkspaceNotFoundError) || error.workspaceId !== known) throw error;
          ids.delete(keyOf(identity));
        }
      }
      const workspace = await store.ensureWorkspace(identity);
      remember(identity, workspace.id);
      return attempt(workspace.id, work);
    },
  };
}
