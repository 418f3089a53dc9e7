/** Platform identity to workspace, remembered: an id never changes, while the row (settings, deletion schedule) is read inside each unit of work. */
import {
  type MemberOpening,
  type Store,
  type UnitDecision,
  type WorkspaceIdentity,
  WorkspaceNotFoundError,
  type WorkspaceRepo,
} from "./ports.ts";

/** Enough for every community one process serves; beyond it the map starts over rather than grow. */
const MAX_REMEMBERED = 10_000;

/** How a member's unit of work runs: without a transaction when it only reads; whether it counts as activity. */
export interface UnitOptions {
  readOnly: boolean;
  /** Whether it cancels a scheduled deletion (default true): a member acting shows the app is in use again. */
  revives?: boolean;
}

type MemberWork<T> = (repo: WorkspaceRepo, opening: MemberOpening) => Promise<UnitDecision<T>>;

export interface WorkspaceDirectory {
  /**
   * Runs one member's `work` in the identity's workspace (created the first time), with the workspace row and the
   * member as that unit of work reads them: in one transaction that commits or rolls back as `work` decides, or with
   * `readOnly` without one (Store.inWorkspaceAs). Activity cancels a scheduled deletion, even when `work` fails or
   * its writes are rolled back; work with `revives: false` (looking, such as rendering a home screen) does not.
   */
  run<T>(identity: WorkspaceIdentity, memberExternalId: string, options: UnitOptions, work: MemberWork<T>): Promise<T>;
}

export function createWorkspaceDirectory(store: Store): WorkspaceDirectory {
  const ids = new Map<string, string>();
  const keyOf = (identity: WorkspaceIdentity) => `${identity.platform}:${identity.externalId}`;
  const remember = (identity: WorkspaceIdentity, id: string) => {
    if (ids.size >= MAX_REMEMBERED) ids.clear();
    ids.set(keyOf(identity), id);
  };

  async function attempt<T>(
    id: string,
    memberExternalId: string,
    options: UnitOptions,
    work: MemberWork<T>,
  ): Promise<T> {
    let scheduled = false;
    const revives = options.revives ?? true;
    try {
      return await store.inWorkspaceAs(id, memberExternalId, { readOnly: options.readOnly }, async (repo, opening) => {
        const { workspace } = opening;
        // Another process may have scheduled the deletion since this one last looked; reading it here sees that.
        scheduled = revives && workspace.deletionScheduledAt !== null;
        return work(repo, scheduled ? { ...opening, workspace: { ...workspace, deletionScheduledAt: null } } : opening);
      });
    } finally {
      // Outside the transaction, so that a refusal rolling it back still counts as activity.
      if (scheduled) await store.scheduleWorkspaceDeletion(id, null);
    }
  }

  return {
    async run(identity, memberExternalId, options, work) {
      const known = ids.get(keyOf(identity));
      if (known !== undefined) {
        try {
          return await attempt(known, memberExternalId, options, work);
        } catch (error) {
          // Deleted since (its grace period ran out on some process): forget it and start the identity afresh.
          if (!(error instanceof WorkspaceNotFoundError) || error.workspaceId !== known) throw error;
          ids.delete(keyOf(identity));
        }
      }
      // ensureWorkspace also brings a workspace back from a scheduled deletion; looking must not.
      const found =
        (options.revives ?? true) ? null : await store.findWorkspace(identity.platform, identity.externalId);
      const workspace = found ?? (await store.ensureWorkspace(identity));
      remember(identity, workspace.id);
      return attempt(workspace.id, memberExternalId, options, work);
    },
  };
}
