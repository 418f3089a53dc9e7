/** Rules every job obeys: the member's zone and quiet hours, pauses, opt-outs, the 24-hour rule, and week keys. */
import type { Logger } from "../core/logger.ts";
import type { BotMessage, Member, Workspace } from "../core/model.ts";
import { deliveryTime, memberZone } from "../core/outreach.ts";
import { localParts, zonedTimeToUtc } from "../core/time.ts";
import type { JobStore, MemberInWorkspace, NewJobMessage } from "./store.ts";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Kinds a member can switch off with `notify <kind> off`. */
export const OPTIONAL_KINDS = ["feedback-chase", "check-in", "prep", "reflection", "practice"] as const;
export type OptionalKind = (typeof OPTIONAL_KINDS)[number];

/** Nudges that would feel tone-deaf the day after a rejection. */
const CHEERFUL_KINDS: ReadonlySet<OptionalKind> = new Set(["practice", "check-in"]);

export interface JobContext {
  now: Date;
  store: JobStore;
  logger: Logger;
  /** Milliseconds on a monotonic clock, for jobs that bound their own running time (performance.now by default). */
  stopwatch?: () => number;
}

/** Whether a member may receive a DM of `kind` now. */
export function mayReceive(
  member: Member,
  kind: OptionalKind,
  now: Date,
  recentlyRejected: ReadonlySet<string> = new Set(),
): boolean {
  if (member.pausedUntil && member.pausedUntil > now) return false;
  if (member.optOuts.includes(kind)) return false;
  return !(CHEERFUL_KINDS.has(kind) && recentlyRejected.has(member.id));
}

/** A DM to the member, timed out of their quiet hours. */
export function directMessage(
  target: MemberInWorkspace,
  kind: string,
  payload: BotMessage,
  dedupeKey: string,
  now: Date,
): NewJobMessage {
  return {
    workspaceId: target.workspace.id,
    kind,
    target: "DIRECT",
    memberId: target.member.id,
    channel: null,
    payload: { private: true, ...payload },
    dedupeKey,
    nextAttemptAt: deliveryTime(target.member, target.workspace, now),
    createdAt: now,
  };
}

/** A post to the workspace's celebration channel. */
export function channelMessage(
  workspace: Workspace,
  kind: string,
  text: string,
  dedupeKey: string,
  now: Date,
): NewJobMessage {
  return {
    workspaceId: workspace.id,
    kind,
    target: "CHANNEL",
    memberId: null,
    channel: workspace.celebrationChannel,
    payload: { text },
    dedupeKey,
    nextAttemptAt: now,
    createdAt: now,
  };
}

/** The ISO week `at` falls in, as seen in `timeZone`, e.g. "2026-W48". */
export function isoWeekKey(at: Date, timeZone: string): string {
  const local = localParts(at, timeZone);
  const date = new Date(Date.UTC(local.year, local.month - 1, local.day));
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday + 3);
  const firstThursday = new Date(Date.UTC(date.getUTCFullYear(), 0, 4));
  const firstThursdayOffset = (firstThursday.getUTCDay() + 6) % 7;
  const week = 1 + Math.round(((date.getTime() - firstThursday.getTime()) / DAY_MS - 3 + firstThursdayOffset) / 7);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** True from `hour`:00 local on `weekday` until that local day ends. */
export function isLocalWindow(now: Date, timeZone: string, weekday: number, hour: number): boolean {
  const local = localParts(now, timeZone);
  return local.weekday === weekday && local.hour >= hour;
}

/** The instant of `hour`:00 local on the calendar day before `at`'s local day. */
export function dayBeforeAt(at: Date, timeZone: string, hour: number): Date {
  const local = localParts(at, timeZone);
  const previous = new Date(Date.UTC(local.year, local.month - 1, local.day - 1));
  return zonedTimeToUtc(
    { year: previous.getUTCFullYear(), month: previous.getUTCMonth() + 1, day: previous.getUTCDate(), hour, minute: 0 },
    timeZone,
  );
}

export { memberZone };
