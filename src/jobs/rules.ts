/** How the jobs shape what they send: a DM timed out of the member's quiet hours, a channel post, local weeks and windows. */
import type { Logger } from "../core/logger.ts";
import type { BotMessage, Workspace } from "../core/model.ts";
import { deliveryTime, memberZone } from "../core/outreach.ts";
import { localParts } from "../core/time.ts";
import { DAY_MS } from "./eligibility.ts";
import type { DueMessage, JobStore, NewJobMessage } from "./store.ts";

export { DAY_MS, HOUR_MS, OPTIONAL_KINDS, type OptionalKind } from "./eligibility.ts";

export interface JobContext {
  now: Date;
  store: JobStore;
  logger: Logger;
  /** Milliseconds on a monotonic clock, for jobs that bound their own running time (performance.now by default). */
  stopwatch?: () => number;
  /** Days a sent message keeps its words (OUTBOX_RETENTION_DAYS; 30 unless configured). */
  outboxRetentionDays?: number;
}

/** A DM to the member, under the dedupe key their read found unqueued, timed out of their quiet hours. */
export function directMessage(target: DueMessage, kind: string, payload: BotMessage, now: Date): NewJobMessage {
  return {
    workspaceId: target.workspace.id,
    kind,
    target: "DIRECT",
    memberId: target.member.id,
    channel: null,
    payload: { private: true, ...payload },
    dedupeKey: target.dedupeKey,
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

/** True from `hour`:00 local on `weekday` until that local day ends (the channel posts' window, in the workspace's zone). */
export function isLocalWindow(now: Date, timeZone: string, weekday: number, hour: number): boolean {
  const local = localParts(now, timeZone);
  return local.weekday === weekday && local.hour >= hour;
}

export { memberZone };
