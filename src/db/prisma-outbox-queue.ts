/** The dispatcher's outbox queue over Prisma: claims are one statement, safe with several processes on one database. */
import type { ClaimedMessage, OutboxQueue } from "../core/ports.ts";
import { Prisma, type PrismaClient } from "./generated/client.ts";

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
               c."sentAt", c."failureToldAt", c."createdAt",
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
    async markSent(messageId, at) {
      await prisma.outbox.updateMany({
        where: { id: messageId, status: "SENDING" },
        data: { status: "SENT", sentAt: at, leaseUntil: null },
      });
    },
    async reschedule(messageId, at, error) {
      await prisma.outbox.updateMany({
        where: { id: messageId, status: "SENDING" },
        data: { status: "PENDING", nextAttemptAt: at, leaseUntil: null, lastError: error },
      });
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
    },
    async release(messageIds) {
      if (messageIds.length === 0) return;
      await prisma.outbox.updateMany({
        where: { id: { in: messageIds }, status: "SENDING" },
        data: { status: "PENDING", attempts: { decrement: 1 }, leaseUntil: null },
      });
    },
  };
}
