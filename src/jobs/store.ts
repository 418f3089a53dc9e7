/**
 * The storage port the scheduled jobs use: set-based reads of exactly who is due, and batched writes. One query per
 * job, never one per member; each read already leaves out what an earlier run queued, so a repeat run reads nothing.
 * The reads are the authority on eligibility (the rules' constants are in eligibility.ts); the jobs compose and time.
 */
import type { Application, FeedbackRequest, Gap, Member, Mention, Round, Workspace } from "../core/model.ts";
import type { NewOutboxMessage } from "../core/ports.ts";

/** A member with their workspace: everything needed to time and address a DM. */
export interface MemberInWorkspace {
  member: Member;
  workspace: Workspace;
}

/** Someone due a DM, with the dedupe key the read found unqueued (built from keys.ts): the job writes exactly it. */
export interface DueMessage extends MemberInWorkspace {
  dedupeKey: string;
}

export interface FeedbackCandidate extends DueMessage {
  application: Application;
  request: FeedbackRequest;
  /** Which chase is due: 1 offers the request, later ones follow up (the follow-up after `asked` is the last). */
  chase: number;
  /** The last person the member said they met at this company, used to address the request. */
  interviewer: string | null;
  /** The stage the application ended at. */
  stage: Round["stage"];
}

export interface SilentCandidate extends DueMessage {
  application: Application;
  /** The latest sign of life: activity on the application or a round's time, whichever came last. */
  lastNewsAt: Date;
}

export interface RoundAt extends DueMessage {
  application: Application;
  round: Round;
}

export interface RoundCandidate extends RoundAt {
  /** Topics of the member's open or practising gaps. */
  openGaps: string[];
}

/** What a practice nudge names of a gap. */
export type PracticeGap = Pick<Gap, "id" | "number" | "topic">;

export interface GapHolder extends DueMessage {
  /** The member's open or practising gaps, by number. */
  gaps: PracticeGap[];
  /** The ISO week in the member's zone, e.g. "2026-W48". */
  week: string;
}

/** A workspace's wins over a period, for the digest. */
export interface WeekSummary {
  invitations: number;
  roundsHeld: number;
  offers: number;
  feedbackReceived: number;
  peopleMet: number;
  thingsLearned: number;
  /** Members (id and display name, by name) who share with their name (on or company) and had a win in the period; never those who chose anonymous or never chose. */
  sharingWinners: Mention[];
}

export interface NewJobMessage extends NewOutboxMessage {
  workspaceId: string;
  /** The job's "now", so simulated runs look back over simulated time. */
  createdAt: Date;
}

/** A chase to count on its feedback request, committed with the message that makes it. */
export interface ChaseRecord {
  requestId: string;
  chaseCount: number;
}

/** What a run decided beside its messages: written in the same transaction as them, or not at all. */
export interface RunRecords {
  chases?: readonly ChaseRecord[];
}

/**
 * Every member read applies, at `now`, the rules of eligibility.ts: only members not paused at `now` (a pause
 * ending exactly at `now` is over), not opted out of the kind, in workspaces whose app has not been removed
 * (deletion scheduled), and for cheerful kinds with no rejection logged in the cool-down before `now`. "Not queued"
 * means no outbox row under the returned dedupe key.
 */
export interface JobStore {
  /**
   * Feedback requests with a chase due: the first `feedbackChaseDays` after the rejection; a snoozed one again once
   * the snooze ends; after `asked`, the last one `followUpAfterMs` later; never beyond `maxChases`.
   */
  dueFeedbackChases(now: Date): Promise<FeedbackCandidate[]>;
  /**
   * Active applications whose last news is at least their workspace's silence period old, but by no more than the
   * look-back beyond it (a spell that crossed the line long ago is stale), with no check-in queued for that spell.
   */
  silentApplications(now: Date): Promise<SilentCandidate[]>;
  /** Pending rounds on open applications, still ahead, whose eve (`eveHour`:00 local the day before) has come, not reminded yet. */
  roundsToPrepare(now: Date): Promise<RoundCandidate[]>;
  /** Pending rounds on open applications, started between `giveUpAfterMs` and `afterMs` ago and not logged as held, not prompted yet. */
  roundsToReflect(now: Date): Promise<RoundAt[]>;
  /** Members with an open or practising gap, on the practice weekday from its hour in their zone, not nudged this local ISO week. */
  membersToNudge(now: Date): Promise<GapHolder[]>;
  /** Workspaces with a celebration channel whose app has not been removed. */
  workspacesWithChannel(): Promise<Workspace[]>;
  /** Which of these (workspace, dedupe key) pairs already have an outbox row, as `${workspaceId} ${dedupeKey}`. */
  queuedKeys(pairs: readonly { workspaceId: string; dedupeKey: string }[]): Promise<Set<string>>;
  /** The text of the message queued under each of these (workspace, dedupe key) pairs that has one, by `queuedKey`. */
  queuedTexts(pairs: readonly { workspaceId: string; dedupeKey: string }[]): Promise<Map<string, string>>;
  /** Each workspace's wins over [from, to), in one read (every asked workspace has an entry). */
  summarizeWeeks(workspaceIds: readonly string[], from: Date, to: Date): Promise<Map<string, WeekSummary>>;
  /**
   * Inserts the messages, skipping dedupe-key duplicates, and writes `records` in the same transaction: all of it
   * commits or none. Returns how many messages were new.
   */
  enqueueMany(messages: readonly NewJobMessage[], records?: RunRecords): Promise<number>;
  /**
   * Blanks the payload (to an empty text) of up to `limit` messages sent before `sentBefore`, in any workspace,
   * keeping their status, dedupe key and posted reference; returns how many were blanked (never one twice).
   */
  blankSentPayloads(sentBefore: Date, limit: number): Promise<number>;
  /** Ids of workspaces whose scheduled deletion has come, the longest due first. */
  workspacesDueForDeletion(now: Date): Promise<string[]>;
  /** Deletes the workspace and everything in it, in one transaction, if its deletion is still due; false if it came back. */
  purgeWorkspace(workspaceId: string, now: Date): Promise<boolean>;
}

/** The key a pair is reported under by `queuedKeys`. */
export function queuedKey(pair: { workspaceId: string; dedupeKey: string }): string {
  return `${pair.workspaceId} ${pair.dedupeKey}`;
}
