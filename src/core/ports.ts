/** The ports the core talks through: storage repositories, the clock and outgoing delivery. Implementations live outside src/core. */

import type { MemberSettings } from "./member-settings.ts";
import type {
  Application,
  BotMessage,
  FeedbackRequest,
  Gap,
  GapStatus,
  Member,
  Note,
  OutboxMessage,
  OutboxTarget,
  Platform,
  Reflection,
  Round,
  RoundOutcome,
  Stage,
  Workspace,
} from "./model.ts";
import type { ChangeRecord, JournalTable, NewChange, RowImage } from "./undo/journal.ts";
import type { WorkspaceSettings } from "./workspace-settings.ts";

/** Where "now" comes from; tests pass a fake one to simulate weeks. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A change to a workspace: its name or any of its settings. */
export type WorkspacePatch = Partial<WorkspaceSettings & Pick<Workspace, "name">>;
/** A change to a member: their display name or any of their settings. */
export type MemberPatch = Partial<MemberSettings & Pick<Member, "displayName">>;
/** A change to an application; a new `company` brings its companyKey along. */
export type ApplicationPatch = Partial<
  Pick<
    Application,
    | "status"
    | "lastActivityAt"
    | "statusChangedAt"
    | "impression"
    | "impressionNotes"
    | "company"
    | "role"
    | "link"
    | "source"
    | "appliedAt"
  >
>;
export type RoundPatch = Partial<Pick<Round, "stage" | "scheduledAt" | "heldAt" | "outcome" | "outcomeAt">>;
export type FeedbackPatch = Partial<
  Pick<FeedbackRequest, "state" | "askedAt" | "receivedAt" | "feedback" | "chaseCount" | "snoozedUntil">
>;

export interface NewApplication {
  memberId: string;
  company: string;
  role: string | null;
  link: string | null;
  /** Where the member found the job; null when not given. */
  source?: string | null;
  appliedAt: Date;
}

export interface NewRound {
  applicationId: string;
  stage: Stage | null;
  scheduledAt: Date | null;
  heldAt: Date | null;
  outcome?: RoundOutcome;
  outcomeAt?: Date | null;
}

export interface NewReflection {
  memberId: string;
  applicationId: string | null;
  roundId: string | null;
  personMet: string | null;
  learned: string | null;
}

export interface NewNote {
  memberId: string;
  applicationId: string;
  text: string;
}

/** Which of a member's messages still waiting to go out are meant (see WorkspaceRepo.cancelPendingMessages). */
export interface PendingMessageFilter {
  /** Ids (of applications, rounds) a message's dedupe key names as one of its parts. */
  about: readonly string[];
  /** Only these outbox kinds; every kind when absent. */
  kinds?: readonly string[];
}

export interface NewOutboxMessage {
  /** What the message is, e.g. `celebration`, `encouragement`, `feedback-chase`. */
  kind: string;
  target: OutboxTarget;
  /** The member it concerns (for DIRECT, the recipient). */
  memberId: string | null;
  /** For CHANNEL messages: the platform channel id. */
  channel: string | null;
  payload: BotMessage;
  /** Unique per workspace: producing the same situation twice yields one row. */
  dedupeKey: string;
  /** Not delivered before this moment (quiet hours, delays). */
  nextAttemptAt: Date;
}

/** What `takeBackOutbox` did. */
export interface TakenBack {
  /** Messages that were still waiting to go out and now never will. */
  cancelled: number;
  /** Channel posts that will be deleted: a retraction is queued, or will be once the post in flight is marked sent. */
  retracting: number;
}

/** Everything one workspace may read or write. Every method is scoped to that workspace; ids from elsewhere are not found. */
export interface WorkspaceRepo {
  readonly workspaceId: string;
  /** The workspace this repository is scoped to. */
  getWorkspace(): Promise<Workspace>;
  updateWorkspace(patch: WorkspacePatch): Promise<Workspace>;

  /** The member with this platform user id, or null. */
  findMember(externalId: string): Promise<Member | null>;
  /** Creates the member, or returns the existing one with that platform id. */
  ensureMember(input: { externalId: string; displayName: string; timezone?: string | null }): Promise<Member>;
  updateMember(memberId: string, patch: MemberPatch): Promise<Member>;
  /** Deletes the member and every row that belongs to them. */
  deleteMember(memberId: string): Promise<void>;

  /** The member's applications, oldest first. */
  listApplications(memberId: string): Promise<Application[]>;
  createApplication(input: NewApplication): Promise<Application>;
  updateApplication(applicationId: string, patch: ApplicationPatch): Promise<Application>;
  /**
   * Deletes the application with its rounds, feedback request and notes; its reflections and gaps stay, no longer
   * tied to it (nor to its rounds).
   */
  deleteApplication(applicationId: string): Promise<void>;

  /** Rounds of these applications, oldest first. */
  listRounds(applicationIds: string[]): Promise<Round[]>;
  createRound(input: NewRound): Promise<Round>;
  updateRound(roundId: string, patch: RoundPatch): Promise<Round>;
  /** Deletes the round; reflections on it stay with its application. */
  deleteRound(roundId: string): Promise<void>;

  /** Feedback requests of these applications. */
  listFeedback(applicationIds: string[]): Promise<FeedbackRequest[]>;
  /** Creates the application's feedback request if needed, then applies the patch. */
  upsertFeedback(applicationId: string, patch: FeedbackPatch): Promise<FeedbackRequest>;

  createReflection(input: NewReflection): Promise<Reflection>;
  /** The member's reflections, oldest first. */
  listReflections(memberId: string): Promise<Reflection[]>;

  /** Adds a note to one of the member's applications. */
  createNote(input: NewNote): Promise<Note>;
  /** The member's notes, oldest first. */
  listNotes(memberId: string): Promise<Note[]>;

  /** Creates a gap with the member's next gap number. */
  createGap(input: { memberId: string; applicationId: string | null; topic: string }): Promise<Gap>;
  /** The member's gaps by number. */
  listGaps(memberId: string): Promise<Gap[]>;
  updateGap(gapId: string, patch: { status: GapStatus; updatedAt: Date }): Promise<Gap>;

  /** Queues an outgoing message; false when its dedupe key already exists (nothing written). */
  enqueue(message: NewOutboxMessage): Promise<boolean>;
  /**
   * Deletes the member's messages still waiting to go out (PENDING, retries included; not one being sent) whose dedupe
   * key names one of `filter.about` as a whole part (keys are parts joined by ":"); returns how many. What they were
   * about is gone or changed, so they must not go out.
   */
  cancelPendingMessages(memberId: string, filter: PendingMessageFilter): Promise<number>;
  /** How many team-channel celebrations of the member's were queued after `since` (taken-back ones are gone). */
  countChannelPosts(memberId: string, since: Date): Promise<number>;
  /** Every outbox row about the member (for export). */
  listOutbox(memberId: string): Promise<OutboxMessage[]>;
  /** Messages to the member that failed for good and that they have not been told about. */
  listUntoldFailures(memberId: string): Promise<OutboxMessage[]>;
  /** Team-channel posts of this workspace that failed for good and that no admin has been told about. */
  listUntoldChannelFailures(): Promise<OutboxMessage[]>;
  markFailuresTold(messageIds: string[], at: Date): Promise<void>;
  /**
   * Takes back what these outbox rows said, for an undo; ids not in this workspace (or gone) are skipped. A row not
   * yet claimed is deleted and never goes out; a channel post already sent gets a retraction row (due `now`); one
   * being sent is marked so that marking it sent queues the retraction. Direct messages already sent or being sent
   * cannot be unsaid and are left; failed rows are deleted, so the member is not told about them.
   */
  takeBackOutbox(messageIds: string[], now: Date): Promise<TakenBack>;

  /** The row as stored, for an undo to put back later; null if this workspace has no such row. */
  snapshotRow(table: JournalTable, id: string): Promise<RowImage | null>;
  /** Puts a row back as `before` has it, or deletes it (as its foreign keys cascade) when `before` is null. */
  restoreRow(table: JournalTable, id: string, before: RowImage | null): Promise<void>;
  /** Keeps an undoable change, and forgets the member's changes older than UNDO_HORIZON_MS. */
  recordChange(change: NewChange): Promise<ChangeRecord>;
  /** The member's changes made at or after `since`, newest first. */
  listChanges(memberId: string, since: Date): Promise<ChangeRecord[]>;
  markChangeUndone(changeId: string, at: Date): Promise<void>;

  /** Rows this repository has inserted, updated or deleted so far: how a command shows it changed something. */
  rowsWritten(): number;
}

/** An outbox row claimed for delivery, with the addresses the adapter needs. */
export interface ClaimedMessage extends OutboxMessage {
  platform: Platform;
  workspaceExternalId: string;
  memberExternalId: string | null;
}

/**
 * The cross-workspace side of the outbox, used only by the dispatcher. A claimed row that an undo asked to take back
 * (`retractRequestedAt`) and that goes back to waiting (rescheduled, postponed or released) is deleted instead: it did
 * not go out as far as anyone knows, and sending it later would only post what is already taken back.
 */
export interface OutboxQueue {
  /**
   * Claims up to `limit` due rows (pending and due, or sending with an expired lease) for `leaseMs`; with `platforms`,
   * only rows of workspaces on those platforms, so a process never takes rows it has no adapter for.
   */
  claimDue(now: Date, limit: number, leaseMs: number, platforms?: readonly Platform[]): Promise<ClaimedMessage[]>;
  /**
   * Marks a claimed row sent, keeping the posted channel message's reference. When an undo asked meanwhile to take the
   * post back (`retractRequestedAt`), the retraction row is queued in the same statement, due `at`.
   */
  markSent(messageId: string, at: Date, postedRef?: string): Promise<void>;
  /** A transient failure: try again at `at`. */
  reschedule(messageId: string, at: Date, error: string): Promise<void>;
  /** A permanent failure (FAILED) or one retried too often (DEAD). */
  markFailed(messageId: string, error: string, status: "FAILED" | "DEAD"): Promise<void>;
  /** Returns claimed rows to the queue untouched (shutdown). */
  release(messageIds: string[]): Promise<void>;
  /** Puts a claimed row back until `at` without counting the attempt: a learned rate limit held it, not a failure. */
  postpone(messageId: string, at: Date): Promise<void>;
}

export interface WorkspaceIdentity {
  platform: Platform;
  externalId: string;
  name: string;
  defaultTimezone?: string;
}

/** `inWorkspace` found no such workspace (never created, or deleted since), before any work ran. */
export class WorkspaceNotFoundError extends Error {
  constructor(readonly workspaceId: string) {
    super(`Workspace ${workspaceId} not found`);
    this.name = "WorkspaceNotFoundError";
  }
}

/** A write through a repository opened only to read: a bug, since no transaction would hold it. Nothing is written. */
export class ReadOnlyWriteError extends Error {
  constructor(readonly write: string) {
    super(`A unit of work opened to only read tried to write (${write})`);
    this.name = "ReadOnlyWriteError";
  }
}

/** What a member's unit of work decided: its value, and whether what it wrote stands (commit) or is rolled back. */
export interface UnitDecision<T> {
  commit: boolean;
  value: T;
}

/** What a member's unit of work starts from, read together. */
export interface MemberOpening {
  /** The workspace row as this transaction reads it. */
  workspace: Workspace;
  /** The member with that platform id, or null before their first command. */
  member: Member | null;
  /** Whether direct messages to them failed for good and they have not been told (listUntoldFailures has some). */
  hasUntoldFailures: boolean;
  /** Whether team-channel posts failed for good and no admin has been told (listUntoldChannelFailures has some). */
  hasUntoldChannelFailures: boolean;
}

/** The whole of storage, as the core and the dispatcher see it. */
export interface Store {
  /** Finds the workspace for this platform identity, creating it the first time. */
  ensureWorkspace(identity: WorkspaceIdentity): Promise<Workspace>;
  findWorkspace(platform: Platform, externalId: string): Promise<Workspace | null>;
  /** Runs `work` in one transaction, with a repository that sees only this workspace; WorkspaceNotFoundError if there is none. */
  inWorkspace<T>(workspaceId: string, work: (repo: WorkspaceRepo) => Promise<T>): Promise<T>;
  /**
   * One member's unit of work, handed the workspace, the member and their failure state read in one go. It runs in
   * one transaction that commits or rolls back as `work` decides; with `readOnly`, without a transaction: each read
   * sees what was committed when it ran (as each statement of a READ COMMITTED transaction would), and any write
   * through its repository throws ReadOnlyWriteError. WorkspaceNotFoundError if there is no such workspace.
   */
  inWorkspaceAs<T>(
    workspaceId: string,
    memberExternalId: string,
    options: { readOnly: boolean },
    work: (repo: WorkspaceRepo, opening: MemberOpening) => Promise<UnitDecision<T>>,
  ): Promise<T>;
  /** Deletes the workspace and everything in it. */
  deleteWorkspace(workspaceId: string): Promise<void>;
  /** Schedules the workspace's deletion (the app was removed), or cancels it with null. Any later activity cancels it too. */
  scheduleWorkspaceDeletion(workspaceId: string, at: Date | null): Promise<void>;
  readonly outbox: OutboxQueue;
  /** Resolves when the database answers. */
  ping(): Promise<void>;
}
