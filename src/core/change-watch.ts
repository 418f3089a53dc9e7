/** Notes whether a unit of work changed anything a member can see, so a platform knows when a home screen is out of date. */
import type { WorkspaceRepo } from "./ports.ts";

/** Repository methods that leave what a member sees as it was; every other method counts as a change. */
const UNSEEN: ReadonlySet<string> = new Set<keyof WorkspaceRepo>([
  "getWorkspace",
  "findMember",
  "listApplications",
  "listRounds",
  "listFeedback",
  "listReflections",
  "listGaps",
  "listOutbox",
  "listUntoldFailures",
  // Bookkeeping of the failure notice: no home screen shows it.
  "markFailuresTold",
]);

/** `repo`, calling `onChange` before any method that may write; a method added to the port later counts as a write until listed. */
export function watchChanges(repo: WorkspaceRepo, onChange: () => void): WorkspaceRepo {
  const watched: Record<string, unknown> = { ...repo };
  for (const [name, method] of Object.entries(repo)) {
    if (typeof method !== "function" || UNSEEN.has(name)) continue;
    watched[name] = (...args: unknown[]) => {
      onChange();
      return method.apply(repo, args);
    };
  }
  return watched as unknown as WorkspaceRepo;
}
