/** Repository views that watch writes: noting whether a unit of work changed what a member sees, or refusing writes where only reads belong. */
import type { WorkspaceRepo } from "./ports.ts";

/** Repository methods that only read. */
const READS: ReadonlySet<string> = new Set<keyof WorkspaceRepo>([
  "getWorkspace",
  "findMember",
  "listApplications",
  "listRounds",
  "listFeedback",
  "listReflections",
  "listGaps",
  "listOutbox",
  "listUntoldFailures",
]);
/** Writes no home screen shows: the bookkeeping of the failure notice. */
const UNSEEN_WRITES: ReadonlySet<string> = new Set<keyof WorkspaceRepo>(["markFailuresTold"]);

/** `repo` with every method `skip` does not name replaced by `wrap(name, method)`. */
function wrapMethods(
  repo: WorkspaceRepo,
  skip: (name: string) => boolean,
  wrap: (name: string, method: (...args: unknown[]) => unknown) => (...args: unknown[]) => unknown,
): WorkspaceRepo {
  const wrapped: Record<string, unknown> = { ...repo };
  for (const [name, method] of Object.entries(repo)) {
    if (typeof method !== "function" || skip(name)) continue;
    wrapped[name] = wrap(name, (...args: unknown[]) => method.apply(repo, args));
  }
  return wrapped as unknown as WorkspaceRepo;
}

/** `repo`, calling `onChange` before any method that may write; a method added to the port later counts as a write until listed. */
export function watchChanges(repo: WorkspaceRepo, onChange: () => void): WorkspaceRepo {
  return wrapMethods(
    repo,
    (name) => READS.has(name) || UNSEEN_WRITES.has(name),
    (_name, method) =>
      (...args) => {
        onChange();
        return method(...args);
      },
  );
}

/** `repo` for work declared to only read (`who` names it): any other method throws, since no transaction would hold it. */
export function readOnlyView(repo: WorkspaceRepo, who: string): WorkspaceRepo {
  return wrapMethods(
    repo,
    (name) => READS.has(name),
    (name) => async () => {
      throw new Error(`${who} only reads, but called ${name}`);
    },
  );
}
