/** The in-memory twin of taking outbox rows back: undo's takeBackOutbox and the retraction rows it and markSent queue. */
import { randomUUID } from "node:crypto";
import {
  RETRACTION_KIND,
  retractionDedupeKey,
  retractionPayload,
  TAKEN_BACK_MARK,
  takenBackKey,
} from "../../src/core/delivery/retraction.ts";
import type { OutboxMessage } from "../../src/core/model.ts";
import type { TakenBack } from "../../src/core/ports.ts";
import { copy } from "./memory-tables.ts";

/** Queues the retraction of a sent channel post, due `at`; false when there is nothing to delete or it is queued already. */
export function queueRetraction(outbox: Map<string, OutboxMessage>, original: OutboxMessage, at: Date): boolean {
  if (original.target !== "CHANNEL" || original.postedRef === null) return false;
  const dedupeKey = retractionDedupeKey(original.id);
  const queued = [...outbox.values()].some(
    (row) => row.workspaceId === original.workspaceId && row.dedupeKey === dedupeKey,
  );
  if (queued) return false;
  const retraction: OutboxMessage = {
    id: randomUUID(),
    workspaceId: original.workspaceId,
    // Not the member's: a `forget` right after an undo must not delete the retraction and leave the post up.
    memberId: null,
    kind: RETRACTION_KIND,
    target: "CHANNEL",
    channel: original.channel,
    payload: retractionPayload(original.postedRef),
    dedupeKey,
    status: "PENDING",
    attempts: 0,
    nextAttemptAt: new Date(at),
    leaseUntil: null,
    lastError: null,
    sentAt: null,
    failureToldAt: null,
    createdAt: new Date(at),
    postedRef: null,
    retractRequestedAt: null,
  };
  outbox.set(retraction.id, copy(retraction));
  return true;
}

/** The post is coming down, so its key is freed: the same win logged again is celebrated again. */
function freeKey(message: OutboxMessage): void {
  if (!message.dedupeKey.includes(`${TAKEN_BACK_MARK}:`))
    message.dedupeKey = takenBackKey(message.dedupeKey, message.id);
}

/** takeBackOutbox over the live rows of one workspace, with the number of rows it changed (as Prisma would count them). */
export function takeBackRows(
  outbox: Map<string, OutboxMessage>,
  workspaceId: string,
  messageIds: string[],
  now: Date,
): TakenBack & { rowsWritten: number } {
  const result = { cancelled: 0, retracting: 0, rowsWritten: 0 };
  for (const id of new Set(messageIds)) {
    const message = outbox.get(id);
    if (message?.workspaceId !== workspaceId || message.kind === RETRACTION_KIND) continue;
    if (message.status === "PENDING" || message.status === "FAILED" || message.status === "DEAD") {
      outbox.delete(id);
      result.rowsWritten++;
      if (message.status === "PENDING") result.cancelled++;
    } else if (message.target === "CHANNEL" && message.status === "SENT" && message.postedRef !== null) {
      if (queueRetraction(outbox, message, now)) result.rowsWritten++;
      freeKey(message);
      result.retracting++;
    } else if (message.target === "CHANNEL") {
      // In flight, or sent before references were kept: marking it sent will queue the retraction if it can.
      message.retractRequestedAt = new Date(now);
      freeKey(message);
      result.rowsWritten++;
      if (message.status === "SENDING") result.retracting++;
    }
  }
  return result;
}
