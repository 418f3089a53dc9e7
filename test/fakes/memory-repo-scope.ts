/** What every in-memory repository method shares: the live tables, workspace-scoped row lookups, and write counting. */
import type { Application, Member } from "../../src/core/model.ts";
import { type Clock, ReadOnlyWriteError } from "../../src/core/ports.ts";
import { type MemoryTables, notFound } from "./memory-tables.ts";

export interface MemoryRepoContext {
  /** The live tables; a function because a rollback swaps them for the snapshot. */
  tables(): MemoryTables;
  clock: Clock;
  /** Throws once the transaction has ended, as a Prisma transaction client would. */
  assertOpen(): void;
  /** The unit of work only reads: every write throws before touching a table, as the Prisma repository's do. */
  readOnly?: boolean;
}

export type RepoScope = ReturnType<typeof createRepoScope>;

export function createRepoScope(workspaceId: string, context: MemoryRepoContext) {
  const tables = (): MemoryTables => {
    context.assertOpen();
    return context.tables();
  };
  let rows = 0;
  /** Every write starts here, naming itself as Prisma would (model.operation), and counts the rows it touches. */
  const writing = (what: string) => {
    if (context.readOnly) throw new ReadOnlyWriteError(what);
    return (count: number) => {
      rows += count;
    };
  };
  const scoped = <T extends { workspaceId: string }>(table: Map<string, T>, id: string, what: string): T => {
    const row = table.get(id);
    if (row?.workspaceId !== workspaceId) throw notFound(what, id);
    return row;
  };
  const applicationRow = (applicationId: string, memberId?: string): Application => {
    const application = scoped(tables().applications, applicationId, "Application");
    if (memberId !== undefined && application.memberId !== memberId) throw notFound("Application", applicationId);
    return application;
  };
  return {
    workspaceId,
    clock: context.clock,
    tables,
    writing,
    rowsWritten: () => rows,
    scoped,
    memberRow: (memberId: string): Member => scoped(tables().members, memberId, "Member"),
    roundRow: (roundId: string) => scoped(tables().rounds, roundId, "Round"),
    applicationRow,
    memberByExternalId: (externalId: string) =>
      [...tables().members.values()].find((row) => row.workspaceId === workspaceId && row.externalId === externalId),
    ofMember: <T extends { workspaceId: string; memberId: string | null }>(table: Map<string, T>, memberId: string) =>
      [...table.values()].filter((row) => row.workspaceId === workspaceId && row.memberId === memberId),
  };
}
