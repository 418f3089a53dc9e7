/** The storage port the scheduled jobs use: set-based reads of who is due, and batched writes. One query per job, not per member. */
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

export interface RoundCandidate extends MemberInWorkspace {
  application: Application;
  round: Round;
  /** Topics of the member's open or practising gaps. */
  openGaps: string[];
}

export interface GapHolder extends MemberInWorkspace {
  gaps: Gap[];
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

export interface JobStore {
  /** Rejected applications whose feedback request may be due a chase: not asked yet (no chase sent) or asked without answer (fewer than two chases). */
  feedbackCandidates(rejectedBefore: Date): Promise<FeedbackCandidate[]>;
  /** Active applications with no activity since `quietSince` and no round still ahead of `now`. */
  silentApplications(quietSince: Date, now: Date): Promise<SilentCandidate[]>;
  /** Rounds still pending whose scheduled time falls in [from, to). */
  scheduledRounds(from: Date, to: Date): Promise<RoundCandidate[]>;
  /** Members with at least one open or practising gap. */
  membersWithOpenGaps(): Promise<GapHolder[]>;
  /** Workspaces with a celebration channel. */
  workspacesWithChannel(): Promise<Workspace[]>;
  /** Ids of members who logged a rejection since `since` (for the 24-hour rule). */
  recentlyRejectedMembers(since: Date): Promise<Set<string>>;
  /** Texts of the messages of `kind` queued for the workspace since `since`. */
  recentTexts(workspaceId: string, kind: string, since: Date): Promise<string[]>;
  summarizeWeek(workspaceId: string, from: Date, to: Date): Promise<WeekSummary>;
  /** Inserts the messages, skipping dedupe-key duplicates; returns how many were new. */
  enqueueMany(messages: readonly NewJobMessage[]): Promise<number>;
  /** Deletes every workspace whose scheduled deletion has come; returns how many. */
  purgeWorkspaces(now: Date): Promise<number>;
  /** Records how many chases each feedback request has had. */
  recordChases(chases: readonly { requestId: string; chaseCount: number }[]): Promise<void>;
}
