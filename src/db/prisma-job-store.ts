/** The jobs' storage through Prisma: one set-based statement per read (job-sql.ts), JSON-batched inserts and updates. */
import type { Application, FeedbackRequest, Member, Round, Stage, Workspace } from "../core/model.ts";
import { type JobStore, type PracticeGap, queuedKey, type WeekSummary } from "../jobs/store.ts";
import type { PrismaClient } from "./generated/client.ts";
import { newId } from "./ids.ts";
import {
  DUE_FEEDBACK_CHASES,
  INSERT_MESSAGES,
  MEMBERS_TO_NUDGE,
  part,
  QUEUED_KEYS,
  QUEUED_TEXTS,
  RECORD_CHASES,
  ROUNDS_TO_PREPARE,
  ROUNDS_TO_REFLECT,
  SILENT_APPLICATIONS,
  WEEK_SUMMARIES,
} from "./job-sql.ts";

/** Rows per statement when writing: one JSON parameter each, so the database's parameter limit never applies. */
const WRITE_BATCH = 5000;

type Row = Record<string, unknown>;

const memberAndWorkspace = (row: Row) => ({ member: part<Member>(row, "m"), workspace: part<Workspace>(row, "w") });

function roundAt(row: Row) {
  return { ...memberAndWorkspace(row), application: part<Application>(row, "a"), round: part<Round>(row, "r") };
}

async function inBatches<T>(items: readonly T[], write: (batch: readonly T[]) => Promise<number>): Promise<number> {
  let written = 0;
  for (let start = 0; start < items.length; start += WRITE_BATCH) {
    written += await write(items.slice(start, start + WRITE_BATCH));
  }
  return written;
}

export function createPrismaJobStore(prisma: PrismaClient): JobStore {
  const rows = (sql: string, ...params: unknown[]) => prisma.$queryRawUnsafe<Row[]>(sql, ...params);

  return {
    async dueFeedbackChases(now, followUpAfterMs) {
      return (await rows(DUE_FEEDBACK_CHASES, now, followUpAfterMs)).map((row) => ({
        ...memberAndWorkspace(row),
        application: part<Application>(row, "a"),
        request: part<FeedbackRequest>(row, "f"),
        interviewer: (row.interviewer as string | null) ?? null,
        stage: (row.stage as Stage | null) ?? null,
      }));
    },

    async silentApplications(now, lookbackMs) {
      return (await rows(SILENT_APPLICATIONS, now, lookbackMs)).map((row) => ({
        ...memberAndWorkspace(row),
        application: part<Application>(row, "a"),
        lastNewsAt: row.lastNewsAt as Date,
      }));
    },

    async roundsToPrepare(now, until, eveHour) {
      return (await rows(ROUNDS_TO_PREPARE, now, until, eveHour)).map((row) => ({
        ...roundAt(row),
        openGaps: row.openGaps as string[],
      }));
    },

    async roundsToReflect(now, from, to) {
      return (await rows(ROUNDS_TO_REFLECT, now, from, to)).map(roundAt);
    },

    async membersToNudge(now, window) {
      return (await rows(MEMBERS_TO_NUDGE, now, window.weekday, window.hour)).map((row) => ({
        ...memberAndWorkspace(row),
        gaps: row.gaps as PracticeGap[],
      }));
    },

    workspacesWithChannel() {
      return prisma.workspace.findMany({ where: { celebrationChannel: { not: null } } });
    },

    async queuedKeys(pairs) {
      if (pairs.length === 0) return new Set();
      const found = await rows(QUEUED_KEYS, JSON.stringify(pairs));
      return new Set(found.map((row) => queuedKey(row as { workspaceId: string; dedupeKey: string })));
    },

    async recentlyRejectedMembers(since) {
      const found = await prisma.application.findMany({
        where: { status: "REJECTED", statusChangedAt: { gte: since } },
        select: { memberId: true },
        distinct: ["memberId"],
      });
      return new Set(found.map((row) => row.memberId));
    },

    async queuedTexts(pairs) {
      if (pairs.length === 0) return new Map();
      const found = await rows(QUEUED_TEXTS, JSON.stringify(pairs));
      return new Map(
        found.map((row) => [queuedKey(row as { workspaceId: string; dedupeKey: string }), String(row.text ?? "")]),
      );
    },

    async summarizeWeeks(workspaceIds, from, to) {
      const summaries = new Map<string, WeekSummary>();
      if (workspaceIds.length === 0) return summaries;
      for (const row of await rows(WEEK_SUMMARIES, from, to, JSON.stringify(workspaceIds))) {
        const { workspaceId, ...summary } = row as unknown as WeekSummary & { workspaceId: string };
        summaries.set(workspaceId, summary);
      }
      return summaries;
    },

    enqueueMany(messages) {
      return inBatches(messages, (batch) =>
        prisma.$executeRawUnsafe(
          INSERT_MESSAGES,
          JSON.stringify(batch.map((message) => ({ id: newId(), ...message }))),
        ),
      );
    },

    async workspacesDueForDeletion(now) {
      const due = await prisma.workspace.findMany({
        where: { deletionScheduledAt: { lte: now } },
        select: { id: true },
        orderBy: [{ deletionScheduledAt: "asc" }, { id: "asc" }],
      });
      return due.map((workspace) => workspace.id);
    },

    async purgeWorkspace(workspaceId, now) {
      // Foreign keys cascade from the workspace to every row that belongs to it, all in this one statement.
      const { count } = await prisma.workspace.deleteMany({
        where: { id: workspaceId, deletionScheduledAt: { lte: now } },
      });
      return count === 1;
    },

    async recordChases(chases) {
      const updates = chases.map((chase) => ({ id: chase.requestId, chaseCount: chase.chaseCount }));
      await inBatches(updates, (batch) => prisma.$executeRawUnsafe(RECORD_CHASES, JSON.stringify(batch)));
    },
  };
}
