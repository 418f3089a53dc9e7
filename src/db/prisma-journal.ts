/** The undo journal over a Prisma transaction: row images taken and put back, and the member's changes kept for a day. */
import type { Clock, WorkspaceRepo } from "../core/ports.ts";
import { type JournalEntry, type JournalTable, type RowImage, UNDO_HORIZON_MS } from "../core/undo/journal.ts";
import type { Change, Prisma } from "./generated/client.ts";
import { newId } from "./ids.ts";
import { notFound } from "./prisma-rows.ts";

type JournalMethods = Pick<
  WorkspaceRepo,
  "snapshotRow" | "restoreRow" | "recordChange" | "listChanges" | "markChangeUndone"
>;

/** The few calls an undo makes on any journaled table, typed once instead of six times. */
interface RowTable {
  findFirst(args: { where: { id: string; workspaceId: string } }): Promise<RowImage | null>;
  updateMany(args: { where: { id: string; workspaceId: string }; data: RowImage }): Promise<{ count: number }>;
  createMany(args: { data: RowImage[]; skipDuplicates: boolean }): Promise<{ count: number }>;
  deleteMany(args: { where: { id: string; workspaceId: string } }): Promise<{ count: number }>;
}

function tableOf(tx: Prisma.TransactionClient, table: JournalTable): RowTable {
  const tables: Record<JournalTable, unknown> = {
    member: tx.member,
    application: tx.application,
    round: tx.round,
    feedback: tx.feedbackRequest,
    reflection: tx.reflection,
    gap: tx.gap,
    note: tx.note,
    outbox: tx.outbox,
  };
  return tables[table] as RowTable;
}

function toChange(row: Change) {
  return { ...row, entries: row.entries as unknown as JournalEntry[] };
}

/** `afterRestore` lets the repository drop what it believed about which rows exist. */
export function prismaJournalMethods(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  clock: Clock,
  afterRestore: () => void,
): JournalMethods {
  return {
    async snapshotRow(table, id) {
      return tableOf(tx, table).findFirst({ where: { id, workspaceId } });
    },
    async restoreRow(table, id, before) {
      const rows = tableOf(tx, table);
      afterRestore();
      if (before === null) {
        await rows.deleteMany({ where: { id, workspaceId } });
        return;
      }
      if (before.id !== id || before.workspaceId !== workspaceId) throw notFound(table, id);
      // Update in place when the row is still there (only ever in this workspace), else insert it again.
      const { count } = await rows.updateMany({ where: { id, workspaceId }, data: before });
      if (count === 0) await rows.createMany({ data: [before], skipDuplicates: true });
    },
    async recordChange(change) {
      const now = clock.now();
      const record = {
        id: newId(),
        workspaceId,
        memberId: change.memberId,
        summary: change.summary,
        entries: change.entries,
        outboxKeys: change.outboxKeys,
        createdAt: now,
        undoneAt: null,
      };
      // One statement on every undoable command: the member's changes past the horizon go as the new one is kept.
      await tx.$executeRaw`
        WITH pruned AS (
          DELETE FROM "Change"
          WHERE "workspaceId" = ${workspaceId} AND "memberId" = ${change.memberId}
            AND "createdAt" < ${new Date(now.getTime() - UNDO_HORIZON_MS)}
        )
        INSERT INTO "Change" ("id", "workspaceId", "memberId", "summary", "entries", "outboxKeys", "createdAt")
        VALUES (${record.id}, ${workspaceId}, ${change.memberId}, ${change.summary},
          ${JSON.stringify(change.entries)}::jsonb, ${change.outboxKeys}::text[], ${now})`;
      // As read back, so the caller sees what listChanges will return (images after their JSON round trip).
      return { ...record, entries: JSON.parse(JSON.stringify(change.entries)) as JournalEntry[] };
    },
    async listChanges(memberId, since) {
      const rows = await tx.change.findMany({
        where: { workspaceId, memberId, createdAt: { gte: since } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      });
      return rows.map(toChange);
    },
    async markChangeUndone(changeId, at) {
      const { count } = await tx.change.updateMany({ where: { id: changeId, workspaceId }, data: { undoneAt: at } });
      if (count === 0) throw notFound("Change", changeId);
    },
  };
}
