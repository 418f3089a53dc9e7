/** The job-hunt domain as plain data: what the core reads and writes through its repositories. */
import type { MemberSettings } from "./member-settings.ts";
import type { WorkspaceSettings } from "./workspace-settings.ts";

export const PLATFORMS = ["SLACK", "DISCORD", "CONSOLE"] as const;
export type Platform = (typeof PLATFORMS)[number];

/** How much of a member's wins the team channel may see. */
export const SHARING_LEVELS = ["OFF", "ON", "COMPANY", "ANONYMOUS"] as const;
export type Sharing = (typeof SHARING_LEVELS)[number];

/** How the member writes a date like 3/12: day first (3 December) or month first (March 12). */
export const DATE_ORDERS = ["DAY_FIRST", "MONTH_FIRST"] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

export const APPLICATION_STATUSES = ["ACTIVE", "OFFER", "ACCEPTED", "REJECTED", "WITHDRAWN", "GHOSTED"] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const STAGES = [
  "APPLIED",
  "SCREEN",
  "TAKEHOME",
  "TECHNICAL",
  "SYSTEM_DESIGN",
  "BEHAVIORAL",
  "ONSITE",
  "MANAGER",
  "FINAL",
] as const;
export type Stage = (typeof STAGES)[number];

export const ROUND_OUTCOMES = ["PENDING", "NEXT_STEP", "REJECTED", "NO_RESPONSE"] as const;
export type RoundOutcome = (typeof ROUND_OUTCOMES)[number];

export const FEEDBACK_STATES = ["NOT_ASKED", "ASKED", "RECEIVED", "GAVE_UP"] as const;
export type FeedbackState = (typeof FEEDBACK_STATES)[number];

export const GAP_STATUSES = ["OPEN", "PRACTICING", "DONE"] as const;
export type GapStatus = (typeof GAP_STATUSES)[number];

export type OutboxTarget = "DIRECT" | "CHANNEL";
export type OutboxStatus = "PENDING" | "SENDING" | "SENT" | "FAILED" | "DEAD";

/** A community the bot serves; the settings its admins control are described in workspace-settings.ts. */
export interface Workspace extends WorkspaceSettings {
  id: string;
  platform: Platform;
  /** The platform's own id: Slack team id, Discord guild id, "local" for the console. */
  externalId: string;
  name: string;
  /** When the app was removed, the moment this workspace's data is deleted; null while installed. */
  deletionScheduledAt: Date | null;
  createdAt: Date;
}

/** A member of a workspace; the settings they control are described in member-settings.ts. */
export interface Member extends MemberSettings {
  id: string;
  workspaceId: string;
  /** The platform's user id. */
  externalId: string;
  displayName: string;
  createdAt: Date;
}

export interface Application {
  id: string;
  workspaceId: string;
  memberId: string;
  company: string;
  /** Lower-cased company, for matching and uniqueness per member. */
  companyKey: string;
  role: string | null;
  /** Lower-cased role, "" for none: with companyKey, what keeps a member's applications unique. */
  roleKey: string;
  link: string | null;
  /** Where the member found the job, in their words. */
  source: string | null;
  status: ApplicationStatus;
  appliedAt: Date;
  lastActivityAt: Date;
  statusChangedAt: Date;
  /** The member's judgement of the employer, 1-5. */
  impression: number | null;
  impressionNotes: string | null;
  createdAt: Date;
}

export interface Round {
  id: string;
  workspaceId: string;
  applicationId: string;
  /** Null when an invitation named no stage yet. */
  stage: Stage | null;
  scheduledAt: Date | null;
  heldAt: Date | null;
  outcome: RoundOutcome;
  outcomeAt: Date | null;
  createdAt: Date;
}

export interface FeedbackRequest {
  id: string;
  workspaceId: string;
  applicationId: string;
  state: FeedbackState;
  askedAt: Date | null;
  receivedAt: Date | null;
  feedback: string | null;
  /** How many chase messages were produced; at most two. */
  chaseCount: number;
  snoozedUntil: Date | null;
  createdAt: Date;
}

export interface Reflection {
  id: string;
  workspaceId: string;
  memberId: string;
  applicationId: string | null;
  roundId: string | null;
  personMet: string | null;
  learned: string | null;
  createdAt: Date;
}

export interface Gap {
  id: string;
  workspaceId: string;
  memberId: string;
  applicationId: string | null;
  /** Stable per-member number shown in `gaps` and used by `practiced`. */
  number: number;
  topic: string;
  status: GapStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** A dated free-text note the member keeps on one of their applications. */
export interface Note {
  id: string;
  workspaceId: string;
  memberId: string;
  applicationId: string;
  text: string;
  createdAt: Date;
}

/** A platform-neutral button: adapters render it, a click comes back as the command line in `command`. */
export interface BotButton {
  /** Stable id of the action, e.g. `feedback.asked`. */
  actionId: string;
  label: string;
  /** The command line the click runs on behalf of the member who owns the message. */
  command: string;
  style?: "primary" | "danger";
}

/** A platform-neutral message: every adapter renders this in its own way. */
/** A member a team post names, with the name it uses. */
export interface Mention {
  memberId: string;
  name: string;
}

export interface BotMessage {
  text: string;
  title?: string;
  fields?: { label: string; value: string }[];
  items?: string[];
  buttons?: BotButton[];
  /** Only the member may see it (ephemeral where the platform allows). */
  private?: boolean;
  /** A document to hand over, e.g. the member's export. */
  file?: { name: string; content: string };
  /**
   * Not a message: delivering it deletes the channel post with this platform reference (an outbox `postedRef`), so a
   * post about an undone change is taken back. Only on CHANNEL rows of kind `retraction`; the rest is ignored.
   */
  retracts?: string;
  /** The members a team post (the digest) names in its text: `forget` takes each out again (see mentions.ts). */
  mentions?: Mention[];
}

export interface OutboxMessage {
  id: string;
  workspaceId: string;
  memberId: string | null;
  kind: string;
  target: OutboxTarget;
  channel: string | null;
  payload: BotMessage;
  dedupeKey: string;
  status: OutboxStatus;
  attempts: number;
  nextAttemptAt: Date;
  leaseUntil: Date | null;
  lastError: string | null;
  sentAt: Date | null;
  failureToldAt: Date | null;
  createdAt: Date;
  /** The platform's reference of the posted channel message (Slack ts, Discord message id); null until posted. */
  postedRef: string | null;
  /** An undo asked to take this post back while it was being sent; marking it sent then queues the retraction. */
  retractRequestedAt: Date | null;
}
