/** The jobs' storage through Prisma: one set-based statement per read (job-sql.ts), JSON-batched writes committed together. */
import type { Application, FeedbackRequest, Member, Round, Stage, Workspace } from "../core/model.ts";
import { type JobStore, type PracticeGap, queuedKey, type WeekSummary } from "../jobs/store.ts";
import { aliasedPart } from "./aliased-columns.ts";
import type { PrismaClient } from "./generated/client.ts";
import { newId } from "./ids.ts";
import {
  BLANK_SENT_PAYLOADS,
  DUE_FEEDBACK_CHASES,
  INSERT_MESSAGES,
  MEMBERS_TO_NUDGE,
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

/** Someone due a DM: their member and workspace, and the dedupe key the read found unqueued. */
const dueMessage = (row: Row) => ({
  member: aliasedPart<Member>(row, "m"),
  workspace: aliasedPart<Workspace>(row, "w"),
  dedupeKey: row.dedupeKey as string,
});

function roundAt(row: Row) {
  return { ...dueMessage(row), application: aliasedPart<Application>(row, "a"), round: aliasedPart<Round>(row, "r") };
}

function batches<T>(items: readonly T[]): T[][] {
  const all: T[][] = [];
  for (let start = 0; start < items.length; start += WRITE_BATCH) all.push(items.slice(start, start + WRITE_BATCH));
  return all;
}

export function createPrismaJobStore(prisma: PrismaClient): JobStore {
  const rows = (sql: string, ...params: unknown[]) => prisma.$queryRawUnsafe<Row[]>(sql, ...params);

  return {
    async dueFeedbackChases(now) {
      return (await rows(DUE_FEEDBACK_CHASES, now)).map((row) => ({
        ...dueMessage(row),
        application: aliasedPart<Application>(row, "a"),
        request: aliasedPart<FeedbackRequest>(row, "f"),
        chase: Number(row.chase),
        interviewer: (row.interviewer as string | null) ?? null,
        stage: (row.stage as Stage | null) ?? null,
      }));
    },

    async silentApplications(now) {
      return (await rows(SILENT_APPLICATIONS, now)).map((row) => ({
        ...dueMessage(row),
        application: aliasedPart<Application>(row, "a"),
        lastNewsAt: row.lastNewsAt as Date,
      }));
    },

    async roundsToPrepare(now) {
      return (await rows(ROUNDS_TO_PREPARE, now)).map((row) => ({
        ...roundAt(row),
        openGaps: row.openGaps as string[],
      }));
    },

    async roundsToReflect(now) {
      return (await rows(ROUNDS_TO_REFLECT, now)).map(roundAt);
    },

    async membersToNudge(now) {
      return (await rows(MEMBERS_TO_NUDGE, now)).map((row) => ({
        ...dueMessage(row),
        gaps: row.gaps as PracticeGap[],
        week: row.week as string,
      }));
    },

    workspacesWithChannel() {
      return prisma.workspace.findMany({ where: { celebrationChannel: { not: null }, deletionScheduledAt: null } });
    },

    async queuedKeys(pairs) {
      if (pairs.length === 0) return new Set();
      const found = await rows(QUEUED_KEYS, JSON.stringify(pairs));
      return new Set(found.map((row) => queuedKey(row as { workspaceId: string; dedupeKey: string })));
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

    async enqueueMany(messages, records = {}) {
      const inserts = batches(messages).map((batch) =>
        prisma.$executeRawUnsafe(
          INSERT_MESSAGES,
          JSON.stringify(batch.map((message) => ({ id: newId(), ...message }))),
        ),
      );
      const chases = (records.chases ?? []).map((chase) => ({ id: chase.requestId, chaseCount: chase.chaseCount }));
      const updates = batches(chases).map((batch) => prisma.$executeRawUnsafe(RECORD_CHASES, JSON.stringify(batch)));
      const statements = [...inserts, ...updates];
      if (statements.length === 0) return 0;
      // One statement is atomic on its own; more commit together, so no message is queued without its count.
      const [only] = statements;
      const counts = statements.length === 1 && only ? [await only] : await prisma.$transaction(statements);
      return counts.slice(0, inserts.length).reduce((total, count) => total + count, 0);
    },

    async blankSentPayloads(sentBefore, limit) {
      return prisma.$executeRawUnsafe(BLANK_SENT_PAYLOADS, sentBefore, limit);
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
  };
}
