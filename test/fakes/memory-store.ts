/** An in-memory Store for fast tests: the same contract as the Prisma store, with Maps for tables. */

import { randomUUID } from "node:crypto";
import type { Workspace } from "../../src/core/model.ts";
import {
  type Clock,
  type Store,
  systemClock,
  type UnitDecision,
  WorkspaceNotFoundError,
  type WorkspaceRepo,
} from "../../src/core/ports.ts";
import { WORKSPACE_SETTING_DEFAULTS } from "../../src/core/workspace-settings.ts";
import { createMemoryOutboxQueue } from "./memory-outbox-queue.ts";
import { copy, deleteWorkspaceRows, emptyTables, type MemoryTables } from "./memory-tables.ts";
import { createMemoryWorkspaceRepo } from "./memory-workspace-repo.ts";

export interface MemoryStoreOptions {
  /** Stamps createdAt and updatedAt; tests pass a fake one to simulate weeks. */
  clock?: Clock;
}

/** The memory Store with what its twin the memory JobStore shares: the live tables and the one-at-a-time queue. */
export interface MemoryStore extends Store {
  tables(): MemoryTables;
  serialised<T>(work: () => Promise<T>): Promise<T>;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const clock = options.clock ?? systemClock;
  let tables = emptyTables();
  const currentTables = (): MemoryTables => tables;

  // One operation at a time, like PGlite's single connection: a rollback restores a snapshot, which would
  // otherwise also undo whatever a concurrent operation wrote meanwhile.
  let tail: Promise<unknown> = Promise.resolve();
  const serialised = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work);
    tail = run.catch(() => undefined);
    return run;
  };

  const findWorkspace = (platform: Workspace["platform"], externalId: string): Workspace | undefined =>
    [...tables.workspaces.values()].find((row) => row.platform === platform && row.externalId === externalId);

  /** One unit of work on a snapshot: it stands if `work` decides to commit, and is undone if it refuses or throws. */
  const unit = <T>(
    workspaceId: string,
    options: { readOnly: boolean },
    work: (repo: WorkspaceRepo) => Promise<UnitDecision<T>>,
  ): Promise<T> =>
    serialised(async () => {
      if (!tables.workspaces.has(workspaceId)) throw new WorkspaceNotFoundError(workspaceId);
      const snapshot = copy(tables);
      let open = true;
      const repo = createMemoryWorkspaceRepo(workspaceId, {
        tables: currentTables,
        clock,
        readOnly: options.readOnly,
        assertOpen() {
          if (!open) throw new Error("Transaction already finished: the repository was used outside inWorkspace");
        },
      });
      try {
        const decision = await work(repo);
        if (!decision.commit) tables = snapshot;
        return decision.value;
      } catch (error) {
        tables = snapshot;
        throw error;
      } finally {
        open = false;
      }
    });

  const inWorkspace: Store["inWorkspace"] = (workspaceId, work) =>
    unit(workspaceId, { readOnly: false }, async (repo) => ({ commit: true, value: await work(repo) }));

  const inWorkspaceAs: Store["inWorkspaceAs"] = (workspaceId, memberExternalId, options, work) =>
    // Reads see every write at once here, so the read-only path differs only in refusing writes.
    unit(workspaceId, options, async (repo) => {
      const member = await repo.findMember(memberExternalId);
      const failures = member ? await repo.listUntoldFailures(member.id) : [];
      const hasUntoldFailures = failures.some((failure) => failure.target === "DIRECT");
      const hasUntoldChannelFailures = (await repo.listUntoldChannelFailures()).length > 0;
      return work(repo, { workspace: await repo.getWorkspace(), member, hasUntoldFailures, hasUntoldChannelFailures });
    });

  return {
    ensureWorkspace(identity) {
      return serialised(async () => {
        const existing = findWorkspace(identity.platform, identity.externalId);
        if (existing) existing.deletionScheduledAt = null;
        if (existing) return copy(existing);
        const workspace: Workspace = {
          id: randomUUID(),
          platform: identity.platform,
          externalId: identity.externalId,
          name: identity.name,
          ...WORKSPACE_SETTING_DEFAULTS,
          defaultTimezone: identity.defaultTimezone ?? WORKSPACE_SETTING_DEFAULTS.defaultTimezone,
          deletionScheduledAt: null,
          createdAt: clock.now(),
        };
        tables.workspaces.set(workspace.id, copy(workspace));
        return workspace;
      });
    },
    findWorkspace(platform, externalId) {
      return serialised(async () => {
        const workspace = findWorkspace(platform, externalId);
        return workspace ? copy(workspace) : null;
      });
    },
    inWorkspace,
    inWorkspaceAs,
    scheduleWorkspaceDeletion(workspaceId, at) {
      return serialised(async () => {
        const workspace = tables.workspaces.get(workspaceId);
        if (workspace) workspace.deletionScheduledAt = at;
      });
    },
    deleteWorkspace(workspaceId) {
      return serialised(async () => {
        // Deleting a workspace that is already gone succeeds: the goal, no trace of it, is met.
        deleteWorkspaceRows(tables, workspaceId);
      });
    },
    outbox: createMemoryOutboxQueue(currentTables, serialised),
    async ping() {},
    tables: currentTables,
    serialised,
  };
}
