/** The production Store: Prisma over Postgres or PGlite, one interactive transaction per workspace unit of work. */
import { type Clock, type Store, systemClock, WorkspaceNotFoundError } from "../core/ports.ts";
import type { PrismaClient } from "./generated/client.ts";
import { newId } from "./ids.ts";
import { readOpening } from "./prisma-opening.ts";
import { createPrismaOutboxQueue } from "./prisma-outbox-queue.ts";
import { createPrismaWorkspaceRepo } from "./prisma-workspace-repo.ts";

/** The part of an opened database (`openDatabase` in open.ts) the store needs; the same code serves both kinds. */
export interface PrismaStoreDatabase {
  prisma: PrismaClient;
}

export interface PrismaStoreOptions {
  /** Stamps createdAt and updatedAt, as the in-memory store does. */
  clock?: Clock;
  /** How long a unit of work may wait for a connection (PGlite runs one transaction at a time). */
  maxWaitMs?: number;
  /** How long a unit of work may hold its transaction. */
  timeoutMs?: number;
}

/** Thrown only to make Prisma roll a transaction back, and caught where it is thrown. */
const ROLL_BACK = new Error("roll back");

export function createPrismaStore(db: PrismaStoreDatabase, options: PrismaStoreOptions = {}): Store {
  const { prisma } = db;
  const clock = options.clock ?? systemClock;
  const transactionOptions = { maxWait: options.maxWaitMs ?? 10_000, timeout: options.timeoutMs ?? 15_000 };

  return {
    async ensureWorkspace(identity) {
      const key = { platform: identity.platform, externalId: identity.externalId };
      const existing = await prisma.workspace.findUnique({ where: { platform_externalId: key } });
      // Activity from a workspace whose app was removed means it is back: keep its data.
      if (existing?.deletionScheduledAt) {
        return prisma.workspace.update({ where: { id: existing.id }, data: { deletionScheduledAt: null } });
      }
      if (existing) return existing;
      // Two processes may see a new workspace's first event at once: the loser's insert is skipped, then both read.
      await prisma.workspace.createMany({
        data: [
          {
            id: newId(),
            ...key,
            name: identity.name,
            defaultTimezone: identity.defaultTimezone,
            createdAt: clock.now(),
          },
        ],
        skipDuplicates: true,
      });
      return prisma.workspace.findUniqueOrThrow({ where: { platform_externalId: key } });
    },
    findWorkspace(platform, externalId) {
      return prisma.workspace.findUnique({ where: { platform_externalId: { platform, externalId } } });
    },
    inWorkspace(workspaceId, work) {
      return prisma.$transaction(async (tx) => {
        // The whole row for the price of an existence check: the repository hands it out as getWorkspace().
        const workspace = await tx.workspace.findUnique({ where: { id: workspaceId } });
        if (!workspace) throw new WorkspaceNotFoundError(workspaceId);
        return work(createPrismaWorkspaceRepo(tx, workspace, clock));
      }, transactionOptions);
    },
    async inWorkspaceAs(workspaceId, memberExternalId, { readOnly }, work) {
      if (readOnly) {
        // The client itself in place of a transaction: each read takes a pooled connection and commits on its own.
        const opening = await readOpening(prisma, workspaceId, memberExternalId);
        if (!opening) throw new WorkspaceNotFoundError(workspaceId);
        const repo = createPrismaWorkspaceRepo(prisma, opening.workspace, clock, opening.member, { readOnly });
        return (await work(repo, opening)).value;
      }
      // Prisma rolls an interactive transaction back only when its callback throws: the decision travels in `decided`,
      // and the thrown marker, which carries nothing, is caught right here.
      let decided: { value: Awaited<ReturnType<typeof work>>["value"] } | undefined;
      try {
        return await prisma.$transaction(async (tx) => {
          const opening = await readOpening(tx, workspaceId, memberExternalId);
          if (!opening) throw new WorkspaceNotFoundError(workspaceId);
          const decision = await work(createPrismaWorkspaceRepo(tx, opening.workspace, clock, opening.member), opening);
          if (decision.commit) return decision.value;
          decided = { value: decision.value };
          throw ROLL_BACK;
        }, transactionOptions);
      } catch (error) {
        if (error === ROLL_BACK && decided) return decided.value;
        throw error;
      }
    },
    async deleteWorkspace(workspaceId) {
      // Idempotent: a workspace already gone is what the caller wanted. The foreign keys cascade to every row in it.
      await prisma.workspace.deleteMany({ where: { id: workspaceId } });
    },
    async scheduleWorkspaceDeletion(workspaceId, at) {
      await prisma.workspace.updateMany({ where: { id: workspaceId }, data: { deletionScheduledAt: at } });
    },
    outbox: createPrismaOutboxQueue(prisma),
    async ping() {
      await prisma.$queryRaw`SELECT 1`;
    },
  };
}
