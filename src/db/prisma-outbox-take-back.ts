/** Taking outbox rows back for an undo over Prisma: delete what has not gone out, retract channel posts that have. */
import {
  RETRACTION_KIND,
  retractionDedupeKey,
  retractionPayload,
  TAKEN_BACK_MARK,
} from "../core/delivery/retraction.ts";
import type { OutboxStatus, OutboxTarget } from "../core/model.ts";
import type { TakenBack } from "../core/ports.ts";
import { Prisma } from "./generated/client.ts";
import { newId } from "./ids.ts";
import { toJson } from "./prisma-rows.ts";

interface LockedRow {
  id: string;
  status: OutboxStatus;
  target: OutboxTarget;
  channel: string | null;
  postedRef: string | null;
}

/**
 * Runs inside the undo's transaction. The rows are locked first (in id order, so two undos cannot deadlock) and
 * decided on as locked: a claim skips them (SKIP LOCKED) until the undo commits, and the dispatcher's markSent waits
 * for it, then sees retractRequestedAt (see markSent in prisma-outbox-queue.ts for the other order).
 */
export async function takeBackOutbox(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  messageIds: string[],
  now: Date,
): Promise<TakenBack> {
  const ids = [...new Set(messageIds)];
  if (ids.length === 0) return { cancelled: 0, retracting: 0 };
  const rows = await tx.$queryRaw<LockedRow[]>`
    SELECT id, status::text AS status, target::text AS target, channel, "postedRef"
    FROM "Outbox"
    WHERE "workspaceId" = ${workspaceId} AND id IN (${Prisma.join(ids)}) AND kind <> ${RETRACTION_KIND}
    ORDER BY id
    FOR UPDATE`;
  const waiting = rows.filter((row) => row.status !== "SENDING" && row.status !== "SENT");
  const posted = rows.filter((row) => row.target === "CHANNEL" && row.status === "SENT" && row.postedRef !== null);
  // In flight, or sent before references were kept: marking it sent queues the retraction if it can.
  const unsettled = rows.filter((row) => row.target === "CHANNEL" && !waiting.includes(row) && !posted.includes(row));
  if (waiting.length > 0) {
    await tx.outbox.deleteMany({ where: { workspaceId, id: { in: waiting.map((row) => row.id) } } });
  }
  if (posted.length > 0) {
    await tx.outbox.createMany({
      data: posted.map((row) => ({
        id: newId(),
        workspaceId,
        // Not the member's: a `forget` right after an undo must not delete the retraction and leave the post up.
        memberId: null,
        kind: RETRACTION_KIND,
        target: "CHANNEL" as const,
        channel: row.channel,
        payload: toJson(retractionPayload(row.postedRef ?? "")),
        dedupeKey: retractionDedupeKey(row.id),
        nextAttemptAt: now,
        createdAt: now,
      })),
      skipDuplicates: true,
    });
  }
  const takenBack = [...posted, ...unsettled];
  if (takenBack.length > 0) {
    // The post is coming down, so its key is freed: the same win logged again is celebrated again.
    await tx.$executeRaw`
      UPDATE "Outbox" SET "dedupeKey" = "dedupeKey" || ${TAKEN_BACK_MARK} || ':' || id
      WHERE "workspaceId" = ${workspaceId} AND id IN (${Prisma.join(takenBack.map((row) => row.id))})
        AND "dedupeKey" NOT LIKE ${`%${TAKEN_BACK_MARK}:%`}`;
  }
  if (unsettled.length > 0) {
    await tx.outbox.updateMany({
      where: { workspaceId, id: { in: unsettled.map((row) => row.id) } },
      data: { retractRequestedAt: now },
    });
  }
  return {
    cancelled: waiting.filter((row) => row.status === "PENDING").length,
    retracting: posted.length + unsettled.filter((row) => row.status === "SENDING").length,
  };
}
