/** The in-memory twin of the dispatcher's cross-workspace outbox queue. */
import type { OutboxMessage } from "../../src/core/model.ts";
import type { ClaimedMessage, OutboxQueue } from "../../src/core/ports.ts";
import { queueRetraction } from "./memory-outbox-retraction.ts";
import { copy, type MemoryTables } from "./memory-tables.ts";

/** `serialised` runs each call alone, as the database would, so a rolled-back transaction cannot undo a claim. */
export function createMemoryOutboxQueue(
  tables: () => MemoryTables,
  serialised: <T>(work: () => Promise<T>) => Promise<T>,
): OutboxQueue {
  return {
    claimDue(now, limit, leaseMs, platforms) {
      return serialised(async () => {
        const all = tables();
        const served = (message: { workspaceId: string }) => {
          const platform = all.workspaces.get(message.workspaceId)?.platform;
          return !platforms || (platform !== undefined && platforms.includes(platform));
        };
        const due = [...all.outbox.values()]
          .filter(
            (message) =>
              ((message.status === "PENDING" && message.nextAttemptAt <= now) ||
                (message.status === "SENDING" && message.leaseUntil !== null && message.leaseUntil < now)) &&
              served(message),
          )
          .sort((a, b) => a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime())
          .slice(0, Math.max(0, limit));
        return due.map((message): ClaimedMessage => {
          message.status = "SENDING";
          message.attempts += 1;
          message.leaseUntil = new Date(now.getTime() + leaseMs);
          const workspace = all.workspaces.get(message.workspaceId);
          if (!workspace) throw new Error(`Outbox message ${message.id} has no workspace`);
          const member = message.memberId === null ? undefined : all.members.get(message.memberId);
          return {
            ...copy(message),
            platform: workspace.platform,
            workspaceExternalId: workspace.externalId,
            memberExternalId: member?.externalId ?? null,
          };
        });
      });
    },
    async markSent(messageId, at, postedRef) {
      await serialised(async () => {
        const all = tables();
        const message = all.outbox.get(messageId);
        // Only claimed rows: a worker whose lease expired must not undo another's delivery. A missing row is no
        // error either, since deleting a member may remove a message mid-delivery.
        if (message?.status !== "SENDING") return;
        message.status = "SENT";
        message.sentAt = new Date(at);
        message.leaseUntil = null;
        message.postedRef = postedRef ?? null;
        if (message.retractRequestedAt !== null) queueRetraction(all.outbox, message, at);
      });
    },
    async reschedule(messageId, at, error) {
      await serialised(async () => {
        const message = tables().outbox.get(messageId);
        if (message?.status !== "SENDING") return;
        if (dropIfTakenBack(tables().outbox, message)) return;
        message.status = "PENDING";
        message.nextAttemptAt = new Date(at);
        message.leaseUntil = null;
        message.lastError = error;
      });
    },
    async markFailed(messageId, error, status) {
      await serialised(async () => {
        const message = tables().outbox.get(messageId);
        if (message?.status !== "SENDING") return;
        message.status = status;
        message.lastError = error;
        message.leaseUntil = null;
      });
    },
    async postpone(messageId, at) {
      await serialised(async () => {
        const message = tables().outbox.get(messageId);
        if (message?.status !== "SENDING") return;
        if (dropIfTakenBack(tables().outbox, message)) return;
        message.status = "PENDING";
        message.attempts = Math.max(0, message.attempts - 1);
        message.nextAttemptAt = at;
        message.leaseUntil = null;
      });
    },
    async release(messageIds) {
      await serialised(async () => {
        for (const id of messageIds) {
          const message = tables().outbox.get(id);
          // Only a claimed row carries the attempt being handed back.
          if (message?.status !== "SENDING") continue;
          if (dropIfTakenBack(tables().outbox, message)) continue;
          message.status = "PENDING";
          message.attempts = Math.max(0, message.attempts - 1);
          message.leaseUntil = null;
        }
      });
    },
  };
}

/** A row an undo took back that goes back to waiting never goes out: it is deleted (see OutboxQueue). */
function dropIfTakenBack(outbox: Map<string, OutboxMessage>, message: OutboxMessage): boolean {
  if (message.retractRequestedAt === null) return false;
  outbox.delete(message.id);
  return true;
}
