/**
 * The outbox dedupe keys the jobs write: one situation, one key, so a job run twice (or on two processes) queues once.
 * The job store's set-based reads build the same keys in SQL to leave out what is already queued (src/db/job-sql.ts).
 */

/** Chase 1 (the ready-to-send request) or 2 (the follow-up) for an application. */
export const feedbackChaseKey = (applicationId: string, chase: 1 | 2) => `feedback-chase:${applicationId}:${chase}`;

/** One check-in per quiet spell: new activity moves the last news, and so the key. */
export const checkInKey = (applicationId: string, lastNewsAt: Date) =>
  `check-in:${applicationId}:${lastNewsAt.toISOString()}`;

export const prepKey = (roundId: string) => `prep:${roundId}`;

export const reflectionKey = (roundId: string) => `reflection:${roundId}`;

/** `week` as isoWeekKey gives it in the member's zone. */
export const practiceKey = (memberId: string, week: string) => `practice:${memberId}:${week}`;

/** Channel posts, one per workspace and ISO week in the workspace's zone. */
export const weeklyKey = (week: string) => `weekly:${week}`;
export const digestKey = (week: string) => `digest:${week}`;
