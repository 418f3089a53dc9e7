/** The real workspace lifecycle, observed: tests await the removal or return of a workspace instead of polling the database. */
import type { WorkspaceLifecycle } from "../../src/core/workspace-lifecycle.ts";

export interface ObservedLifecycle {
  /** Hand this to the adapter. */
  lifecycle: WorkspaceLifecycle;
  /** Resolves once the next removal of `externalId` has been handled, with the moment its deletion was scheduled for. */
  removed(externalId: string): Promise<Date | undefined>;
  /** Resolves once the next return (install, server join) of `externalId` has been handled. */
  returned(externalId: string): Promise<void>;
}

export function observeLifecycle(inner: WorkspaceLifecycle): ObservedLifecycle {
  const waiting = {
    removed: new Map<string, ((at: Date | undefined) => void)[]>(),
    returned: new Map<string, (() => void)[]>(),
  };
  const settle = <T>(map: Map<string, ((value: T) => void)[]>, externalId: string, value: T) => {
    for (const resolve of map.get(externalId) ?? []) resolve(value);
    map.delete(externalId);
  };
  const wait = <T>(map: Map<string, ((value: T) => void)[]>, externalId: string) =>
    new Promise<T>((resolve) => map.set(externalId, [...(map.get(externalId) ?? []), resolve]));
  return {
    lifecycle: {
      async workspaceRemoved(workspace) {
        const at = await inner.workspaceRemoved(workspace);
        settle(waiting.removed, workspace.externalId, at);
        return at;
      },
      async workspaceReturned(identity) {
        await inner.workspaceReturned(identity);
        settle(waiting.returned, identity.externalId, undefined);
      },
    },
    removed: (externalId) => wait(waiting.removed, externalId),
    returned: (externalId) => wait<void>(waiting.returned, externalId),
  };
}
