/** The undo journal in memory: row images taken and put back with the database's cascades, and changes kept for a day. */
import { randomUUID } from "node:crypto";
import type { WorkspaceRepo } from "../../src/core/ports.ts";
import { type ChangeRecord, type JournalTable, type RowImage, UNDO_HORIZON_MS } from "../../src/core/undo/journal.ts";
import type { RepoScope } from "./memory-repo-scope.ts";
import {
  copy,
  deleteApplicationsCascade,
  deleteRoundsCascade,
  deleteWhere,
  type MemoryTables,
  notFound,
} from "./memory-tables.ts";

type JournalMethods = Pick<
  WorkspaceRepo,
  "snapshotRow" | "restoreRow" | "recordChange" | "listChanges" | "markChangeUndone"
>;

type Row = { id: string; workspaceId: string };

function tableOf(tables: MemoryTables, table: JournalTable): Map<string, Row> {
  const byName: Record<JournalTable, Map<string, Row>> = {
    member: tables.members,
    application: tables.applications,
    round: tables.rounds,
    feedback: tables.feedback,
    reflection: tables.reflections,
    gap: tables.gaps,
    note: tables.notes,
    outbox: tables.outbox,
  };
  return byName[table];
}

/** Deletes one row as Postgres would, following the foreign keys' ON DELETE rules. */
function deleteRow(tables: MemoryTables, table: JournalTable, id: string): void {
  if (table === "application") {
    deleteApplicationsCascade(tables, new Set([id]));
    return;
  }
  if (table === "round") {
    deleteRoundsCascade(tables, (round) => round.id === id);
    return;
  }
  if (table === "member") {
    throw new Error("A member is deleted by deleteMember, never by an undo");
  }
  tableOf(tables, table).delete(id);
}

/** A JSON round trip, as the database's JSONB column gives: the core must revive timestamps itself. */
function asStored<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

export function memoryJournalMethods(scope: RepoScope): JournalMethods {
  const { workspaceId, tables, writing, memberRow, clock } = scope;
  const changeRow = (changeId: string): ChangeRecord => {
    const change = tables().changes.get(changeId);
    if (change?.workspaceId !== workspaceId) throw notFound("Change", changeId);
    return change;
  };
  return {
    async snapshotRow(table, id) {
      const row = tableOf(tables(), table).get(id);
      return row?.workspaceId === workspaceId ? (copy(row) as unknown as RowImage) : null;
    },
    async restoreRow(table, id, before) {
      const wrote = writing(`${table}.restore`);
      const all = tables();
      const rows = tableOf(all, table);
      const existing = rows.get(id);
      if (before === null) {
        if (existing?.workspaceId === workspaceId) {
          deleteRow(all, table, id);
          wrote(1);
        }
        return;
      }
      if (before.id !== id || before.workspaceId !== workspaceId) throw notFound(table, id);
      if (existing && existing.workspaceId !== workspaceId) throw notFound(table, id);
      rows.set(id, copy(before) as unknown as Row);
      wrote(1);
    },
    async recordChange(change) {
      const wrote = writing("change.create");
      memberRow(change.memberId);
      const now = clock.now();
      const changes = tables().changes;
      const pruned = deleteWhere(
        changes,
        (row) =>
          row.workspaceId === workspaceId &&
          row.memberId === change.memberId &&
          row.createdAt.getTime() < now.getTime() - UNDO_HORIZON_MS,
      );
      const record: ChangeRecord = {
        id: randomUUID(),
        workspaceId,
        memberId: change.memberId,
        summary: change.summary,
        entries: asStored(change.entries),
        outboxKeys: [...change.outboxKeys],
        createdAt: now,
        undoneAt: null,
      };
      changes.set(record.id, record);
      wrote(1 + pruned.length);
      return copy(record);
    },
    async listChanges(memberId, since) {
      const rows = [...tables().changes.values()].filter(
        (row) => row.workspaceId === workspaceId && row.memberId === memberId && row.createdAt >= since,
      );
      // Newest first; insertion order settles ties, as the time-ordered ids do in Postgres.
      return rows
        .reverse()
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
        .map(copy);
    },
    async markChangeUndone(changeId, at) {
      const wrote = writing("change.updateMany");
      changeRow(changeId).undoneAt = new Date(at);
      wrote(1);
    },
  };
}
