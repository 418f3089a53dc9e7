/** The in-memory store's rows and the helpers its repository and queue share. */
import type {
  Application,
  FeedbackRequest,
  Gap,
  Member,
  Note,
  OutboxMessage,
  Reflection,
  Round,
  Workspace,
} from "../../src/core/model.ts";
import type { ChangeRecord } from "../../src/core/undo/journal.ts";

/** One Map per database table, keyed by id; insertion order doubles as the tie-break for equal createdAt. */
export interface MemoryTables {
  workspaces: Map<string, Workspace>;
  members: Map<string, Member>;
  applications: Map<string, Application>;
  rounds: Map<string, Round>;
  feedback: Map<string, FeedbackRequest>;
  reflections: Map<string, Reflection>;
  gaps: Map<string, Gap>;
  notes: Map<string, Note>;
  outbox: Map<string, OutboxMessage>;
  changes: Map<string, ChangeRecord>;
}

export function emptyTables(): MemoryTables {
  return {
    workspaces: new Map(),
    members: new Map(),
    applications: new Map(),
    rounds: new Map(),
    feedback: new Map(),
    reflections: new Map(),
    gaps: new Map(),
    notes: new Map(),
    outbox: new Map(),
    changes: new Map(),
  };
}

/** Callers get their own copy, so mutating a returned row cannot change stored state. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** Drops keys explicitly set to undefined: a patch leaves those fields alone, as Prisma does. */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Oldest first; Array.prototype.sort is stable, so equal timestamps keep insertion order. */
export function byCreatedAt<T extends { createdAt: Date }>(rows: Iterable<T>): T[] {
  return [...rows].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

export function notFound(what: string, id: string): Error {
  return new Error(`${what} ${id} not found in this workspace`);
}

/** Removes every row matching `doomed`, as an ON DELETE CASCADE would. */
export function deleteWhere<T>(table: Map<string, T>, doomed: (row: T) => boolean): string[] {
  const removed: string[] = [];
  for (const [id, row] of table) {
    if (doomed(row)) {
      table.delete(id);
      removed.push(id);
    }
  }
  return removed;
}

/** Deletes the rounds, mirroring the foreign keys' ON DELETE rules: reflections on them stay, without the round. */
export function deleteRoundsCascade(tables: MemoryTables, doomed: (round: Round) => boolean): void {
  const roundIds = new Set(deleteWhere(tables.rounds, doomed));
  for (const reflection of tables.reflections.values()) {
    if (reflection.roundId && roundIds.has(reflection.roundId)) reflection.roundId = null;
  }
}

/** Deletes the applications and everything hanging off them, mirroring the foreign keys' ON DELETE rules. */
export function deleteApplicationsCascade(tables: MemoryTables, applicationIds: Set<string>): void {
  deleteRoundsCascade(tables, (round) => applicationIds.has(round.applicationId));
  deleteWhere(tables.feedback, (request) => applicationIds.has(request.applicationId));
  deleteWhere(tables.notes, (note) => applicationIds.has(note.applicationId));
  for (const reflection of tables.reflections.values()) {
    if (reflection.applicationId && applicationIds.has(reflection.applicationId)) reflection.applicationId = null;
  }
  for (const gap of tables.gaps.values()) {
    if (gap.applicationId && applicationIds.has(gap.applicationId)) gap.applicationId = null;
  }
  deleteWhere(tables.applications, (application) => applicationIds.has(application.id));
}

/** Deletes every row of the workspace in every table, as the cascade from a deleted workspace row does. */
export function deleteWorkspaceRows(tables: MemoryTables, workspaceId: string): void {
  tables.workspaces.delete(workspaceId);
  const { members, applications, rounds, feedback, reflections, gaps, notes, outbox, changes } = tables;
  const scoped: Map<string, { workspaceId: string }>[] = [
    changes,
    members,
    applications,
    rounds,
    feedback,
    reflections,
    gaps,
    notes,
    outbox,
  ];
  for (const table of scoped) deleteWhere(table, (row) => row.workspaceId === workspaceId);
}
