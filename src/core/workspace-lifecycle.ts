/** Neutral install events: the app removed from a workspace (its data goes after a grace period) or back in it. */
import type { Logger } from "./logger.ts";
import type { Platform } from "./model.ts";
import type { Clock, Store, WorkspaceIdentity } from "./ports.ts";

const DAY_MS = 86_400_000;

export interface WorkspaceLifecycleDependencies {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** Days between the app's removal and the deletion of the workspace's data. */
  graceDays: number;
}

export interface WorkspaceLifecycle {
  /**
   * The app was removed (Slack uninstall or bot token revoked, the bot leaving a Discord server): schedules the
   * workspace's deletion `graceDays` from now; the moment, or undefined when the workspace was never seen.
   */
  workspaceRemoved(workspace: { platform: Platform; externalId: string }): Promise<Date | undefined>;
  /** The app was installed or added (again): the workspace exists from now on, and a scheduled deletion is cancelled. */
  workspaceReturned(identity: WorkspaceIdentity): Promise<void>;
}

export function createWorkspaceLifecycle({
  store,
  clock,
  logger,
  graceDays,
}: WorkspaceLifecycleDependencies): WorkspaceLifecycle {
  return {
    async workspaceRemoved({ platform, externalId }) {
      const workspace = await store.findWorkspace(platform, externalId);
      if (!workspace) return undefined;
      const at = new Date(clock.now().getTime() + graceDays * DAY_MS);
      await store.scheduleWorkspaceDeletion(workspace.id, at);
      logger.info(
        { platform, workspace: externalId, deleteAt: at.toISOString() },
        "app removed; workspace data scheduled for deletion",
      );
      return at;
    },
    async workspaceReturned(identity) {
      // ensureWorkspace creates the workspace the first time and clears a scheduled deletion when it comes back.
      const workspace = await store.ensureWorkspace(identity);
      logger.info({ platform: identity.platform, workspace: identity.externalId, id: workspace.id }, "installed");
    },
  };
}
