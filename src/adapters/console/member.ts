/** Who is at the console: NEXTSTEP_CONSOLE_USER names a member of the local team, each name its own member. */
import { createHash } from "node:crypto";
import type { BotUser } from "../../core/bot.ts";
import type { WorkspaceRepo } from "../../core/ports.ts";

/** The member the console used before names had their own ids, and still the one of a console started without a name. */
export const DEFAULT_CONSOLE_MEMBER = "local-user";

/** A name as an id: `Sam` and `sam` are one member, `Zoë Ng` is `local-zoe-ng`. */
export function consoleMemberId(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  // A name with no Latin letters or digits still needs a stable id of its own.
  return `local-${slug || createHash("sha256").update(name.normalize("NFC")).digest("hex").slice(0, 12)}`;
}

/**
 * The console user for `name`. Without NEXTSTEP_CONSOLE_USER (`named` false) it is the default member. A name gets its
 * own id, except that the default member keeps being the one whose name it is: data logged before names had ids
 * (when every console user was the default member) stays with that person.
 */
export async function consoleUser(repo: WorkspaceRepo, name: string, named: boolean): Promise<BotUser> {
  const user = { displayName: name, isAdmin: true };
  if (!named) return { ...user, externalId: DEFAULT_CONSOLE_MEMBER };
  const earlier = await repo.findMember(DEFAULT_CONSOLE_MEMBER);
  const isTheirs = earlier !== null && consoleMemberId(earlier.displayName) === consoleMemberId(name);
  return { ...user, externalId: isTheirs ? DEFAULT_CONSOLE_MEMBER : consoleMemberId(name) };
}
