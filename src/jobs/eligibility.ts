/**
 * Who is due, for every job that messages a member: the one definition of each rule's constants. The job store's
 * reads apply them (src/db/job-sql.ts binds them as parameters; the in-memory twin reads them too) and are the
 * only authority on eligibility; the jobs only compose and time what the reads return.
 */

import type { ApplicationStatus, GapStatus } from "../core/model.ts";
import { NOTIFICATION_KIND_NAMES, NOTIFICATION_KINDS, type NotificationKind } from "../core/notification-kinds.ts";
import { IN_PROGRESS_STATUSES } from "../core/transitions.ts";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** A kind of DM a member can switch off; the list is the core's notification-kinds table, so there is only one. */
export type OptionalKind = NotificationKind;
export const OPTIONAL_KINDS: readonly OptionalKind[] = NOTIFICATION_KIND_NAMES;

/** A job's kind: typed against the notification-kinds table, so a job cannot use a kind members can't switch off. */
const optional = <Kind extends OptionalKind>(kind: Kind): Kind => kind;

/** Nudges that would feel tone-deaf the day after a rejection (the table's `cheerful` kinds). */
export const CHEERFUL_KINDS: readonly OptionalKind[] = NOTIFICATION_KIND_NAMES.filter(
  (kind) => NOTIFICATION_KINDS[kind].cheerful,
);
/** How long after a logged rejection (of any application) cheerful nudges hold back. */
export const REJECTION_COOL_DOWN_MS = DAY_MS;

/** Applications still in play: their rounds get prep reminders and reflection prompts. */
export const OPEN_APPLICATION_STATUSES: readonly ApplicationStatus[] = IN_PROGRESS_STATUSES;
/** Gaps still to work on: named in prep reminders, picked by the practice nudge. */
export const OPEN_GAP_STATUSES: readonly GapStatus[] = ["OPEN", "PRACTICING"];

/** Every rule also obeys: not paused at now, not opted out of the kind, workspace not being removed. */
export const FEEDBACK_CHASE = {
  kind: optional("feedback-chase"),
  /** Chases per feedback request, ever; the follow-up after `asked` is always the last. */
  maxChases: 2,
  /** How long after asking before the follow-up. */
  followUpAfterMs: 7 * DAY_MS,
} as const;

export const SILENCE_CHECK = {
  kind: optional("check-in"),
  /**
   * How long past the silence period a spell still gets its check-in. The job runs hourly, so this only has to
   * outlast a bot that was down for a weekend; a spell that crossed the line longer ago is stale and left alone. It
   * is also what keeps the scan to the spells crossing now rather than every quiet application in the history.
   */
  lookbackMs: 2 * DAY_MS,
} as const;

/** Local hour, the day before a round, from which its prep reminder may go out. */
const PREP_EVE_HOUR = 17;

export const PREP_REMINDER = {
  kind: optional("prep"),
  eveHour: PREP_EVE_HOUR,
  /**
   * How far ahead a round can be and still have its eve come: the eve is `eveHour`:00 on the local day before, at
   * most 24 + (24 - eveHour) hours before the round, plus an hour for a DST change in between.
   */
  lookaheadMs: (24 + (24 - PREP_EVE_HOUR) + 1) * HOUR_MS,
} as const;

export const REFLECTION_PROMPT = {
  kind: optional("reflection"),
  /** How long after the round's start the prompt goes out. */
  afterMs: 3 * HOUR_MS,
  /** Rounds older than this are left alone (the bot was down, or the member moved on). */
  giveUpAfterMs: 48 * HOUR_MS,
} as const;

export const PRACTICE_NUDGE = {
  kind: optional("practice"),
  /** Local weekday (0 = Sunday) and hour from which the week's nudge may go, until that local day ends. */
  weekday: 3,
  hour: 10,
} as const;
