/**
 * The outbox dedupe keys the jobs write: one situation, one key, so a job run twice (or on two processes) queues
 * once. Each key is its prefix and its parts joined by KEY_SEPARATOR. The reads of the member jobs build their key
 * in storage from these templates (src/db/job-sql.ts) and return it, and the job writes exactly that key; the
 * channel posts build theirs here.
 */

export const KEY_SEPARATOR = ":";

/** A dedupe key's shape; `parts` names what follows the prefix, in order. */
export interface KeyTemplate {
  prefix: string;
  parts: readonly string[];
}

/** Chase n of an application's feedback request (1 = the ready-to-send request, then follow-ups). */
export const FEEDBACK_CHASE_KEY: KeyTemplate = { prefix: "feedback-chase", parts: ["applicationId", "chase"] };
/** One check-in per quiet spell: new activity moves the last news (an ISO-8601 UTC instant), and so the key. */
export const CHECK_IN_KEY: KeyTemplate = { prefix: "check-in", parts: ["applicationId", "lastNewsAt"] };
export const PREP_KEY: KeyTemplate = { prefix: "prep", parts: ["roundId"] };
export const REFLECTION_KEY: KeyTemplate = { prefix: "reflection", parts: ["roundId"] };
/** One nudge per member and ISO week ("2026-W48") in the member's zone. */
export const PRACTICE_KEY: KeyTemplate = { prefix: "practice", parts: ["memberId", "week"] };
/** Channel posts, one per workspace and ISO week in the workspace's zone. */
export const WEEKLY_KEY: KeyTemplate = { prefix: "weekly", parts: ["week"] };
export const DIGEST_KEY: KeyTemplate = { prefix: "digest", parts: ["week"] };

/** The key of `template` for these parts, in the template's order. */
export function keyOf(template: KeyTemplate, ...parts: (string | number)[]): string {
  if (parts.length !== template.parts.length) {
    throw new Error(`${template.prefix} keys have ${template.parts.length} parts, got ${parts.length}`);
  }
  return [template.prefix, ...parts].join(KEY_SEPARATOR);
}

export const weeklyKey = (week: string) => keyOf(WEEKLY_KEY, week);
export const digestKey = (week: string) => keyOf(DIGEST_KEY, week);
