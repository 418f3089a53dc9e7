/** The outbox part of the Prisma workspace repository: queueing with dedupe keys, cancelling, and failures to tell. */
import { withoutMention } from "../core/mentions.ts";
import type { BotMessage } from "../core/model.ts";
import type { Clock, WorkspaceRepo } from "../core/ports.ts";
import type { Prisma } from "./generated/client.ts";
import { newId } from "./ids.ts";
import { notFound, oldestFirst, toJson, toOutboxMessage } from "./prisma-rows.ts";

type OutboxMethods = Pick<
  WorkspaceRepo,
  | "enqueue"
  | "cancelPendingMessages"
  | "countChannelPosts"
  | "listOutbox"
  | "listUntoldFailures"
  | "listUntoldChannelFailures"
  | "markFailuresTold"
>;

/** How dedupe keys join their parts (src/jobs/keys.ts and the core's own keys alike). */
const KEY_SEPARATOR = ":";
/** The outbox kind of a win posted to the team channel (src/core/outreach.ts). */
const CELEBRATION = "celebration";

export function prismaOutboxMethods(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  clock: Clock,
  requireMember: (memberId: string) => Promise<void>,
): OutboxMethods {
  return {
    async enqueue(message) {
      if (message.memberId !== null) await requireMember(message.memberId);
      // A duplicate dedupe key must not raise: that would abort the whole Postgres transaction.
      const { count } = await tx.outbox.createMany({
        data: [
          {
            id: newId(),
            workspaceId,
            memberId: message.memberId,
            kind: message.kind,
            target: message.target,
            channel: message.channel,
            payload: toJson(message.payload),
            dedupeKey: message.dedupeKey,
            nextAttemptAt: message.nextAttemptAt,
            createdAt: clock.now(),
          },
        ],
        skipDuplicates: true,
      });
      return count === 1;
    },
    async cancelPendingMessages(memberId, filter) {
      if (filter.about.length === 0) return 0;
      const kinds = filter.kinds ? [...filter.kinds] : null;
      // A key names what it is about as whole parts, so an id is matched against the parts, never inside one.
      return tx.$executeRaw`
        DELETE FROM "Outbox"
        WHERE "workspaceId" = ${workspaceId} AND "memberId" = ${memberId} AND status = 'PENDING'
          AND string_to_array("dedupeKey", ${KEY_SEPARATOR}) && ${[...filter.about]}::text[]
          AND (${kinds}::text[] IS NULL OR kind = ANY (${kinds}::text[]))`;
    },
    async countChannelPosts(memberId, since) {
      return tx.outbox.count({
        where: { workspaceId, memberId, target: "CHANNEL", kind: CELEBRATION, createdAt: { gt: since } },
      });
    },
    async listOutbox(memberId) {
      const rows = await tx.outbox.findMany({ where: { workspaceId, memberId }, orderBy: oldestFirst });
      return rows.map(toOutboxMessage);
    },
    async listUntoldFailures(memberId) {
      const rows = await tx.outbox.findMany({
        where: { workspaceId, memberId, status: { in: ["FAILED", "DEAD"] }, failureToldAt: null },
        orderBy: oldestFirst,
      });
      return rows.map(toOutboxMessage);
    },
    async listUntoldChannelFailures() {
      const rows = await tx.outbox.findMany({
        where: { workspaceId, target: "CHANNEL", status: { in: ["FAILED", "DEAD"] }, failureToldAt: null },
        orderBy: oldestFirst,
      });
      return rows.map(toOutboxMessage);
    },
    async markFailuresTold(messageIds, at) {
      const ids = [...new Set(messageIds)];
      if (ids.length === 0) return;
      // Counted first so that a refused id changes nothing, even if the caller catches the error.
      const found = await tx.outbox.findMany({ where: { workspaceId, id: { in: ids } }, select: { id: true } });
      const missing = ids.find((id) => !found.some((row) => row.id === id));
      if (missing !== undefined) throw notFound("Outbox message", missing);
      await tx.outbox.updateMany({ where: { workspaceId, id: { in: ids } }, data: { failureToldAt: at } });
    },
  };
}

/** Takes a deleted member out of the team posts that name them (the digest's `mentions`), sent or not. */
export async function redactMentions(tx: Prisma.TransactionClient, workspaceId: string, memberId: string) {
  const naming = await tx.$queryRaw<{ id: string; payload: BotMessage }[]>`
    SELECT id, payload FROM "Outbox"
    WHERE "workspaceId" = ${workspaceId} AND "memberId" IS NULL
      AND payload -> 'mentions' @> ${JSON.stringify([{ memberId }])}::jsonb
    FOR UPDATE`;
  for (const row of naming) {
    const redacted = withoutMention(row.payload, memberId);
    if (redacted) await tx.outbox.update({ where: { id: row.id }, data: { payload: toJson(redacted) } });
  }
}
