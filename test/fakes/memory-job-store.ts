/** The in-memory twin of the jobs' storage, over the memory Store's tables: the same rules as job-sql.ts, held to it by the JobStore contract. */
import { randomUUID } from "node:crypto";
import type { Application, Member, OutboxMessage, Round, Workspace } from "../../src/core/model.ts";
import { localParts, zonedTimeToUtc } from "../../src/core/time.ts";
import {
  CHEERFUL_KINDS,
  DAY_MS,
  FEEDBACK_CHASE,
  OPEN_APPLICATION_STATUSES,
  OPEN_GAP_STATUSES,
  type OptionalKind,
  PRACTICE_NUDGE,
  PREP_REMINDER,
  REFLECTION_PROMPT,
  REJECTION_COOL_DOWN_MS,
  SILENCE_CHECK,
} from "../../src/jobs/eligibility.ts";
import {
  CHECK_IN_KEY,
  FEEDBACK_CHASE_KEY,
  keyOf,
  PRACTICE_KEY,
  PREP_KEY,
  REFLECTION_KEY,
} from "../../src/jobs/keys.ts";
import { isoWeekKey } from "../../src/jobs/rules.ts";
import { type JobStore, type NewJobMessage, queuedKey, type WeekSummary } from "../../src/jobs/store.ts";
import type { MemoryStore } from "./memory-store.ts";
import { byCreatedAt, copy, deleteWorkspaceRows, type MemoryTables } from "./memory-tables.ts";

export interface MemoryJobStoreOptions {
  /** Called before each chase count is written; a throw fails that write, and the run's other writes roll back. */
  beforeRecordingChase?: (requestId: string) => void;
}

const ms = (at: Date) => at.getTime();

/** The instant of `hour`:00 local on the calendar day before `at`'s local day. */
function dayBeforeAt(at: Date, timeZone: string, hour: number): Date {
  const local = localParts(at, timeZone);
  const previous = new Date(Date.UTC(local.year, local.month - 1, local.day - 1));
  return zonedTimeToUtc(
    { year: previous.getUTCFullYear(), month: previous.getUTCMonth() + 1, day: previous.getUTCDate(), hour, minute: 0 },
    timeZone,
  );
}

export function createMemoryJobStore(store: MemoryStore, options: MemoryJobStoreOptions = {}): JobStore {
  const { serialised } = store;

  /** Reads see a consistent moment and hand out copies, as a statement would. */
  const read = <T>(work: (tables: MemoryTables) => T): Promise<T> => serialised(async () => copy(work(store.tables())));

  function context(tables: MemoryTables, memberId: string) {
    const member = tables.members.get(memberId) as Member;
    const workspace = tables.workspaces.get(member.workspaceId) as Workspace;
    return { member, workspace, zone: member.timezone ?? workspace.defaultTimezone };
  }

  function queued(tables: MemoryTables, workspaceId: string, dedupeKey: string): boolean {
    for (const row of tables.outbox.values()) {
      if (row.workspaceId === workspaceId && row.dedupeKey === dedupeKey) return true;
    }
    return false;
  }

  function mayReceive(tables: MemoryTables, member: Member, workspace: Workspace, kind: OptionalKind, now: Date) {
    if (workspace.deletionScheduledAt !== null) return false;
    if (member.pausedUntil && member.pausedUntil > now) return false;
    if (member.optOuts.includes(kind)) return false;
    if (!CHEERFUL_KINDS.includes(kind)) return true;
    const coolDownFrom = ms(now) - REJECTION_COOL_DOWN_MS;
    return ![...tables.applications.values()].some(
      (other) =>
        other.memberId === member.id && other.status === "REJECTED" && ms(other.statusChangedAt) >= coolDownFrom,
    );
  }

  function roundsOf(tables: MemoryTables, application: Application): Round[] {
    return byCreatedAt([...tables.rounds.values()].filter((round) => round.applicationId === application.id));
  }

  function openGaps(tables: MemoryTables, memberId: string) {
    return [...tables.gaps.values()]
      .filter((gap) => gap.memberId === memberId && OPEN_GAP_STATUSES.includes(gap.status))
      .sort((a, b) => a.number - b.number);
  }

  /** Pending rounds on open applications scheduled in [from, to) whose members may receive `kind`, keyed and unqueued. */
  function pendingRounds(tables: MemoryTables, kind: OptionalKind, now: Date, from: number, to: number) {
    const found = [];
    for (const round of tables.rounds.values()) {
      const application = tables.applications.get(round.applicationId) as Application;
      if (round.outcome !== "PENDING" || !round.scheduledAt) continue;
      if (ms(round.scheduledAt) < from || ms(round.scheduledAt) >= to) continue;
      if (!OPEN_APPLICATION_STATUSES.includes(application.status)) continue;
      const { member, workspace, zone } = context(tables, application.memberId);
      const dedupeKey = keyOf(kind === "prep" ? PREP_KEY : REFLECTION_KEY, round.id);
      if (!mayReceive(tables, member, workspace, kind, now) || queued(tables, round.workspaceId, dedupeKey)) continue;
      found.push({ round, application, member, workspace, zone, dedupeKey });
    }
    return found;
  }

  return {
    dueFeedbackChases: (now) =>
      read((tables) =>
        [...tables.feedback.values()].flatMap((request) => {
          const application = tables.applications.get(request.applicationId) as Application;
          const { member, workspace } = context(tables, application.memberId);
          if (application.status !== "REJECTED" || request.chaseCount >= FEEDBACK_CHASE.maxChases) return [];
          if (request.snoozedUntil && request.snoozedUntil > now) return [];
          let chase: number | null = null;
          if (request.state === "ASKED" && request.askedAt) {
            if (ms(now) - ms(request.askedAt) >= FEEDBACK_CHASE.followUpAfterMs) chase = FEEDBACK_CHASE.maxChases;
          } else if (request.state === "NOT_ASKED" && request.chaseCount === 0) {
            if (ms(now) - ms(application.statusChangedAt) >= workspace.feedbackChaseDays * DAY_MS) chase = 1;
          } else if (request.state === "NOT_ASKED" && request.snoozedUntil) {
            chase = request.chaseCount + 1;
          }
          if (chase === null || !mayReceive(tables, member, workspace, FEEDBACK_CHASE.kind, now)) return [];
          const reflections = byCreatedAt(tables.reflections.values()).filter(
            (reflection) => reflection.applicationId === application.id && reflection.personMet !== null,
          );
          return [
            {
              member,
              workspace,
              application,
              request,
              chase,
              dedupeKey: keyOf(FEEDBACK_CHASE_KEY, application.id, chase),
              stage: roundsOf(tables, application).at(-1)?.stage ?? null,
              interviewer: reflections.at(-1)?.personMet ?? null,
            },
          ];
        }),
      ),

    silentApplications: (now) =>
      read((tables) =>
        [...tables.applications.values()].flatMap((application) => {
          if (application.status !== "ACTIVE") return [];
          const { member, workspace } = context(tables, application.memberId);
          // What the ApplicationNews triggers keep: its activity or any round's time, whichever is latest.
          const times = roundsOf(tables, application).flatMap((round) => [round.scheduledAt, round.heldAt]);
          const lastNewsAt = new Date(
            Math.max(...[application.lastActivityAt, ...times].map((at) => (at ? ms(at) : 0))),
          );
          const quietSince = ms(now) - workspace.silenceDays * DAY_MS;
          if (ms(lastNewsAt) > quietSince || ms(lastNewsAt) <= quietSince - SILENCE_CHECK.lookbackMs) return [];
          const dedupeKey = keyOf(CHECK_IN_KEY, application.id, lastNewsAt.toISOString());
          if (!mayReceive(tables, member, workspace, SILENCE_CHECK.kind, now)) return [];
          if (queued(tables, application.workspaceId, dedupeKey)) return [];
          return [{ member, workspace, application, lastNewsAt, dedupeKey }];
        }),
      ),

    roundsToPrepare: (now) =>
      read((tables) =>
        pendingRounds(tables, PREP_REMINDER.kind, now, ms(now), ms(now) + PREP_REMINDER.lookaheadMs)
          .filter(({ round, zone }) => now >= dayBeforeAt(round.scheduledAt as Date, zone, PREP_REMINDER.eveHour))
          .map(({ zone: _zone, ...due }) => ({
            ...due,
            openGaps: openGaps(tables, due.member.id).map((gap) => gap.topic),
          })),
      ),

    roundsToReflect: (now) =>
      read((tables) =>
        pendingRounds(
          tables,
          REFLECTION_PROMPT.kind,
          now,
          ms(now) - REFLECTION_PROMPT.giveUpAfterMs,
          ms(now) - REFLECTION_PROMPT.afterMs + 1,
        )
          .filter(({ round }) => round.heldAt === null)
          .map(({ zone: _zone, ...due }) => due),
      ),

    membersToNudge: (now) =>
      read((tables) =>
        [...tables.members.values()].flatMap((row) => {
          const { member, workspace, zone } = context(tables, row.id);
          const local = localParts(now, zone);
          if (local.weekday !== PRACTICE_NUDGE.weekday || local.hour < PRACTICE_NUDGE.hour) return [];
          const gaps = openGaps(tables, member.id).map(({ id, number, topic }) => ({ id, number, topic }));
          if (gaps.length === 0 || !mayReceive(tables, member, workspace, PRACTICE_NUDGE.kind, now)) return [];
          const week = isoWeekKey(now, zone);
          const dedupeKey = keyOf(PRACTICE_KEY, member.id, week);
          return queued(tables, member.workspaceId, dedupeKey) ? [] : [{ member, workspace, gaps, week, dedupeKey }];
        }),
      ),

    workspacesWithChannel: () =>
      read((tables) =>
        [...tables.workspaces.values()].filter(
          (workspace) => workspace.celebrationChannel !== null && workspace.deletionScheduledAt === null,
        ),
      ),

    queuedKeys: (pairs) =>
      read(
        (tables) => new Set(pairs.filter((pair) => queued(tables, pair.workspaceId, pair.dedupeKey)).map(queuedKey)),
      ),

    queuedTexts: (pairs) =>
      read((tables) => {
        const wanted = new Set(pairs.map(queuedKey));
        const found = [...tables.outbox.values()].filter((row) => wanted.has(queuedKey(row)));
        return new Map(found.map((row) => [queuedKey(row), row.payload.text ?? ""]));
      }),

    summarizeWeeks: (workspaceIds, from, to) =>
      read((tables) => new Map(workspaceIds.map((id) => [id, summarizeWeek(tables, id, from, to)]))),

    enqueueMany: (messages, records = {}) =>
      serialised(async () => {
        const tables = store.tables();
        // One transaction: on any failure, nothing of the run stays.
        const before = { outbox: new Map(tables.outbox), feedback: copy(tables.feedback) };
        try {
          let created = 0;
          for (const message of messages) {
            if (queued(tables, message.workspaceId, message.dedupeKey)) continue;
            const row = outboxRow(message);
            tables.outbox.set(row.id, row);
            created += 1;
          }
          for (const chase of records.chases ?? []) {
            options.beforeRecordingChase?.(chase.requestId);
            const request = tables.feedback.get(chase.requestId);
            if (request && request.chaseCount < chase.chaseCount) {
              Object.assign(request, { chaseCount: chase.chaseCount, snoozedUntil: null });
            }
          }
          return created;
        } catch (error) {
          Object.assign(tables, before);
          throw error;
        }
      }),

    blankSentPayloads: (sentBefore, limit) =>
      serialised(async () => {
        const due = [...store.tables().outbox.values()]
          .filter((row) => row.status === "SENT" && row.sentAt !== null && row.sentAt < sentBefore)
          .filter((row) => JSON.stringify(row.payload) !== JSON.stringify({ text: "" }))
          .slice(0, limit);
        for (const row of due) row.payload = { text: "" };
        return due.length;
      }),

    workspacesDueForDeletion: (now) =>
      read((tables) =>
        [...tables.workspaces.values()]
          .filter((workspace) => workspace.deletionScheduledAt !== null && workspace.deletionScheduledAt <= now)
          .sort(
            (a, b) => ms(a.deletionScheduledAt as Date) - ms(b.deletionScheduledAt as Date) || a.id.localeCompare(b.id),
          )
          .map((workspace) => workspace.id),
      ),

    purgeWorkspace: (workspaceId, now) =>
      serialised(async () => {
        const tables = store.tables();
        const workspace = tables.workspaces.get(workspaceId);
        if (!workspace?.deletionScheduledAt || workspace.deletionScheduledAt > now) return false;
        deleteWorkspaceRows(tables, workspaceId);
        return true;
      }),
  };
}

function outboxRow(message: NewJobMessage): OutboxMessage {
  return {
    ...copy(message),
    id: randomUUID(),
    status: "PENDING",
    attempts: 0,
    leaseUntil: null,
    lastError: null,
    sentAt: null,
    failureToldAt: null,
    postedRef: null,
    retractRequestedAt: null,
  };
}

/** A workspace's wins over [from, to), as WEEK_SUMMARIES counts them; rejections are never counted. */
function summarizeWeek(tables: MemoryTables, workspaceId: string, from: Date, to: Date): WeekSummary {
  const within = (at: Date | null) => at !== null && at >= from && at < to;
  const mine = <T extends { workspaceId: string }>(table: Map<string, T>) =>
    [...table.values()].filter((row) => row.workspaceId === workspaceId);
  const invited = mine(tables.rounds).filter((round) => round.outcome === "NEXT_STEP" && within(round.outcomeAt));
  const offered = mine(tables.applications).filter(
    (application) =>
      (application.status === "OFFER" || application.status === "ACCEPTED") && within(application.statusChangedAt),
  );
  const reflections = mine(tables.reflections).filter((reflection) => within(reflection.createdAt));
  const winners = new Set([
    ...offered.map((application) => application.memberId),
    ...invited.map((round) => tables.applications.get(round.applicationId)?.memberId),
  ]);
  return {
    invitations: invited.length,
    roundsHeld: mine(tables.rounds).filter((round) => within(round.heldAt) && round.stage !== "APPLIED").length,
    offers: offered.length,
    feedbackReceived: mine(tables.feedback).filter(
      (request) => request.state === "RECEIVED" && within(request.receivedAt),
    ).length,
    peopleMet: reflections.filter((reflection) => reflection.personMet !== null).length,
    thingsLearned: reflections.filter((reflection) => reflection.learned !== null).length,
    sharingWinners: mine(tables.members)
      .filter((member) => (member.sharing === "ON" || member.sharing === "COMPANY") && winners.has(member.id))
      .map((member) => ({ memberId: member.id, name: member.displayName }))
      .sort((a, b) => (a.name === b.name ? compare(a.memberId, b.memberId) : compare(a.name, b.name))),
  };
}

/** Code-point order, as Postgres sorts under the C collation the tests use. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
