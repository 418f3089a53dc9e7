/** The dispatcher's outbox queue over Prisma: claims are one statement, safe with several processes on one database. */
import { RETRACTION_KIND, retractionDedupeKey, retractionPayload } from "../core/delivery/retraction.ts";
import type { ClaimedMessage, OutboxQueue } from "../core/ports.ts";
import { Prisma, type PrismaClient } from "./generated/client.ts";
import { newId } from "./ids.ts";

export function createPrismaOutboxQueue(prisma: PrismaClient): OutboxQueue {
  return {
    async claimDue(now, limit, leaseMs, platforms) {
      if (limit <= 0 || platforms?.length === 0) return [];
      const served = platforms ? Prisma.sql`AND w.platform::text IN (${Prisma.join(platforms)})` : Prisma.empty;
      // Dates go in as Prisma parameters, formatted exactly as Prisma formats them when it writes the columns, so
      // the comparison holds whatever the session time zone. SKIP LOCKED lets concurrent claimers take disjoint rows.
      const leaseUntil = new Date(now.getTime() + leaseMs);
      const rows = await prisma.$queryRaw<ClaimedMessage[]>`
        WITH claimed AS (
          UPDATE "Outbox"
          SET status = 'SENDING', attempts = attempts + 1, "leaseUntil" = ${leaseUntil}
          WHERE id IN (
            SELECT o.id FROM "Outbox" o
            JOIN "Workspace" w ON w.id = o."workspaceId"
            WHERE ((o.status = 'PENDING' AND o."nextAttemptAt" <= ${now})
               OR (o.status = 'SENDING' AND o."leaseUntil" < ${now}))
              ${served}
            ORDER BY o."nextAttemptAt", o.id
            LIMIT ${limit}
            FOR UPDATE OF o SKIP LOCKED
          )
          RETURNING *
        )
        SELECT c.id, c."workspaceId", c."memberId", c.kind, c.target::text AS target, c.channel, c.payload,
               c."dedupeKey", c.status::text AS status, c.attempts, c."nextAttemptAt", c."leaseUntil", c."lastError",
               c."sentAt", c."failureToldAt", c."createdAt", c."postedRef", c."retractRequestedAt",
               w.platform::text AS platform, w."externalId" AS "workspaceExternalId",
               m."externalId" AS "memberExternalId"
        FROM claimed c
        JOIN "Workspace" w ON w.id = c."workspaceId"
        LEFT JOIN "Member" m ON m.id = c."memberId"
        ORDER BY c."nextAttemptAt", c.id`;
      // Enums are cast to text above, so the rows already have the model's shape.
      return rows;
    },
    // Finishing calls only touch claimed rows: a worker whose lease expired must not undo another's delivery.
    // A missing row is no error either, since deleting a member may remove a message mid-delivery.
    //
    // One statement, so the race with an undo is safe under READ COMMITTED: the undo's takeBackOutbox locks the row
    // (SELECT … FOR UPDATE) before it decides. If the undo goes first, this UPDATE waits for its commit, then re-reads
    // the row's newest version: RETURNING carries the retractRequestedAt it set, and the INSERT queues the retraction.
    // If this goes first, the undo's locking read waits for it, then sees SENT with the reference and queues the
    // retraction itself. Exactly one side inserts, and the dedupe key would turn a second insert into nothing.
    async markSent(messageId, at, postedRef) {
      const ref = postedRef ?? null;
      const payload = JSON.stringify(retractionPayload(ref ?? ""));
      await prisma.$executeRaw`
        WITH sent AS (
          UPDATE "Outbox" SET status = 'SENT', "sentAt" = ${at}, "leaseUntil" = NULL, "postedRef" = ${ref}
          WHERE id = ${messageId} AND status = 'SENDING'
          RETURNING id, "workspaceId", target, channel, "postedRef", "retractRequestedAt"
        )
        INSERT INTO "Outbox" (id, "workspaceId", "memberId", kind, target, channel, payload, "dedupeKey",
                              "nextAttemptAt", "createdAt")
        SELECT ${newId()}, s."workspaceId", NULL, ${RETRACTION_KIND}, s.target, s.channel, ${payload}::jsonb,
               ${retractionDedupeKey(messageId)}, ${at}::timestamptz, ${at}::timestamptz
        FROM sent s
        WHERE s."retractRequestedAt" IS NOT NULL AND s.target = 'CHANNEL' AND s."postedRef" IS NOT NULL
        ON CONFLICT ("workspaceId", "dedupeKey") DO NOTHING`;
    },
    async reschedule(messageId, at, error) {
      await prisma.outbox.updateMany({
        where: { id: messageId, status: "SENDING" },
        data: { status: "PENDING", nextAttemptAt: at, leaseUntil: null, lastError: error },
      });
      await dropTakenBack(prisma, [messageId]);
    },
    async markFailed(messageId, error, status) {
      await prisma.outbox.updateMany({
        where: { id: messageId, status: "SENDING" },
        data: { status, lastError: error, leaseUntil: null },
      });
    },
    async postpone(messageId, at) {
      await prisma.outbox.updateMany({
        where: { id: messageId, status: "SENDING" },
        data: { status: "PENDING", nextAttemptAt: at, attempts: { decrement: 1 }, leaseUntil: null },
      });
      await dropTakenBack(prisma, [messageId]);
    },
    async release(messageIds) {
      if (messageIds.length === 0) return;
      await prisma.outbox.updateMany({
        where: { id: { in: messageIds }, status: "SENDING" },
        data: { status: "PENDING", attempts: { decrement: 1 }, leaseUntil: null },
      });
      await dropTakenBack(prisma, messageIds);
    },
  };
}

/**
 * Deletes rows that went back to waiting although an undo took them back (see OutboxQueue). It runs after they went
 * back, so an undo in between either flagged the row before (deleted here) or finds it waiting and deletes it itself.
 */
async function dropTakenBack(prisma: PrismaClient, messageIds: string[]): Promise<void> {
  await prisma.outbox.deleteMany({
    where: { id: { in: messageIds }, status: "PENDING", retractRequestedAt: { not: null } },
  });
}
