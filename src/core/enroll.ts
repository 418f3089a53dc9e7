/** A member's first appearance: the member row, starting in the platform's zone when it is one we know. */
import type { Member } from "./model.ts";
import { normaliseName } from "./names.ts";
import type { WorkspaceRepo } from "./ports.ts";
import { isValidTimezone } from "./time.ts";

/** Who someone is, as the platform tells it. */
export interface PlatformPerson {
  externalId: string;
  displayName: string;
  /** The platform's idea of their zone (Slack knows it; Discord doesn't). */
  timezone?: string | null;
}

/** Whether the platform's zone is one reminders can use. */
export function isUsableZone(zone: string | null | undefined): zone is string {
  return typeof zone === "string" && isValidTimezone(zone);
}

/** What a member whose platform name shows nothing is called. */
const UNNAMED = "a teammate";

/** The member with this platform id, created the first time. */
export function enroll(repo: WorkspaceRepo, person: PlatformPerson): Promise<Member> {
  return repo.ensureMember({
    externalId: person.externalId,
    // A platform name can be all invisible characters; the team still needs words for whose win it was.
    displayName: normaliseName(person.displayName) || UNNAMED,
    timezone: isUsableZone(person.timezone) ? person.timezone : null,
  });
}
