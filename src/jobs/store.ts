/**
 * The storage port the scheduled jobs use: set-based reads of exactly who is due, and batched writes. One query per
 * job, never one per member; each read already leaves out what an earlier run queued, so a repeat run reads nothing.
 */
import type { Application, FeedbackRequest, Gap, Member, Round, Workspace } from "../core/model.ts";
import type { NewOutboxMessage } from "../core/ports.ts";

/** A member with their workspace: everything needed to time and address a DM. */
export interface MemberInWorkspace {
  member: Member;
  workspace: Workspace;
}

export interface FeedbackCandidate extends MemberInWorkspace {
  application: Application;
  request: FeedbackRequest;
  /** The last person the member said they met at this company, used to address the request. */
  interviewer: string | null;
  /** The stage the application ended at. */
  stage: Round["stage"];
}

export interface SilentCandidate extends MemberInWorkspace {
  application: Application;
  /** The latest sign of life: activity on the application or a round's time, whichever came last. */
  lastNewsAt: Date;
}

export interface RoundAt extends MemberInWorkspace {
  application: Application;
  round: Round;
}

export interface RoundCandidate extends RoundAt {
  /** Topics of the member's open or practising gaps. */
  openGaps: string[];
}

/** What a practice nudge names of a gap. */
export type PracticeGap = Pick<Gap, "id" | "number" | "topic">;

export interface GapHolder extends MemberInWorkspace {
  /** The member's open or practising gaps, by number. */
  gaps: PracticeGap[];
}

/** A workspace's wins over a period, for the digest. */
export interface WeekSummary {
  invitations: number;
  roundsHeld: number;
  offers: number;
  feedbackReceived: number;
  peopleMet: number;
  thingsLearned: number;
  /** Display names of members who share and had a win in the period. */
  sharingWinners: string[];
}

export interface NewJobMessage extends NewOutboxMessage {
  workspaceId: string;
  /** The job's "now", so simulated runs look back over simulated time. */
  createdAt: Date;
}

/** A local weekday (0 = Sunday) from an hour on: the practice nudge's window. */
export interface LocalWindow {
  weekday: number;
  hour: number;
}

/**
 * The jobs' reads narrow in storage with the same rules the jobs apply again in code (the code stays the authority;
 * storage only saves shipping rows that would be dropped). Members who are paused at `now` or opted out of the
 * kind are left out. "Not queued" means no outbox row under the dedupe key the job would write (see keys.ts).
 */
export interface JobStore {
  /** Feedback requests with a chase due at `now` (as dueChase decides), for members who may receive one. */
  dueFeedbackChases(now: Date, followUpAfterMs: number): Promise<FeedbackCandidate[]>;
  /**
   * Active applications whose last news is at least their workspace's silence period old, but by no more than
   * `lookbackMs` beyond it (a spell that crossed the line long ago is stale), with no check-in queued for that spell.
   */
  silentApplications(now: Date, lookbackMs: number): Promise<SilentCandidate[]>;
  /** Pending rounds on open applications starting in [now, until) whose eve (`eveHour`:00 local the day before) has come, not reminded yet. */
  roundsToPrepare(now: Date, until: Date, eveHour: number): Promise<RoundCandidate[]>;
  /** Pending rounds on open applications, scheduled in [from, to) and not logged as held, with no reflection prompt queued. */
  roundsToReflect(now: Date, from: Date, to: Date): Promise<RoundAt[]>;
  /** Members with an open or practising gap whose local time is in `window`, not nudged this local ISO week. */
  membersToNudge(now: Date, window: LocalWindow): Promise<GapHolder[]>;
  /** Workspaces with a celebration channel. */
  workspacesWithChannel(): Promise<Workspace[]>;
  /** Which of these (workspace, dedupe key) pairs already have an outbox row, as `${workspaceId} ${dedupeKey}`. */
  queuedKeys(pairs: readonly { workspaceId: string; dedupeKey: string }[]): Promise<Set<string>>;
  /** Ids of members who logged a rejection since `since` (for the 24-hour rule). */
  recentlyRejectedMembers(since: Date): Promise<Set<string>>;
  /** The text of the message queued under each of these (workspace, dedupe key) pairs that has one, by `queuedKey`. */
  queuedTexts(pairs: readonly { workspaceId: string; dedupeKey: string }[]): Promise<Map<string, string>>;
  /** Each workspace's wins over [from, to), in one read (every asked workspace has an entry). */
  summarizeWeeks(workspaceIds: readonly string[], from: Date, to: Date): Promise<Map<string, WeekSummary>>;
  /** Inserts the messages, skipping dedupe-key duplicates; returns how many were new. */
  enqueueMany(messages: readonly NewJobMessage[]): Promise<number>;
  /** Ids of workspaces whose scheduled deletion has come, the longest due first. */
  workspacesDueForDeletion(now: Date): Promise<string[]>;
  /** Deletes the workspace and everything in it, in one transaction, if its deletion is still due; false if it came back. */
  purgeWorkspace(workspaceId: string, now: Date): Promise<boolean>;
  /** Records how many chases each feedback request has had. */
  recordChases(chases: readonly { requestId: string; chaseCount: number }[]): Promise<void>;
}

/** The key a pair is reported under by `queuedKeys`. */
export function queuedKey(pair: { workspaceId: string; dedupeKey: string }): string {
  return `${pair.workspaceId} ${pair.dedupeKey}`;
}
