/** The outbox part of the in-memory workspace repository: queueing with dedupe keys, and failures to tell. */
import { randomUUID } from "node:crypto";
import type { OutboxMessage } from "../../src/core/model.ts";
import type { Clock, WorkspaceRepo } from "../../src/core/ports.ts";
import { takeBackRows } from "./memory-outbox-retraction.ts";
import type { RepoScope } from "./memory-repo-scope.ts";
import { byCreatedAt, copy } from "./memory-tables.ts";

type OutboxMethods = Pick<
  WorkspaceRepo,
  "enqueue" | "listOutbox" | "listUntoldFailures" | "markFailuresTold" | "takeBackOutbox"
>;

export function memoryOutboxMethods(scope: RepoScope, clock: Clock): OutboxMethods {
  const { workspaceId, tables, writing, scoped, memberRow, ofMember } = scope;
  return {
    async enqueue(input) {
      const wrote = writing("outbox.createMany");
      if (input.memberId !== null) memberRow(input.memberId);
      const all = tables();
      const duplicate = [...all.outbox.values()].some(
        (row) => row.workspaceId === workspaceId && row.dedupeKey === input.dedupeKey,
      );
      if (duplicate) return false;
      const message: OutboxMessage = {
        id: randomUUID(),
        workspaceId,
        memberId: input.memberId,
        kind: input.kind,
        target: input.target,
        channel: input.channel,
        payload: input.payload,
        dedupeKey: input.dedupeKey,
        status: "PENDING",
        attempts: 0,
        nextAttemptAt: input.nextAttemptAt,
        leaseUntil: null,
        lastError: null,
        sentAt: null,
        failureToldAt: null,
        createdAt: clock.now(),
        postedRef: null,
        retractRequestedAt: null,
      };
      all.outbox.set(message.id, copy(message));
      wrote(1);
      return true;
    },
    async listOutbox(memberId) {
      return byCreatedAt(ofMember(tables().outbox, memberId)).map(copy);
    },
    async listUntoldFailures(memberId) {
      const failures = ofMember(tables().outbox, memberId).filter(
        (message) => (message.status === "FAILED" || message.status === "DEAD") && message.failureToldAt === null,
      );
      return byCreatedAt(failures).map(copy);
    },
    async markFailuresTold(messageIds, at) {
      const wrote = writing("outbox.updateMany");
      const outbox = tables().outbox;
      // Validate every id before touching any, so a refused id leaves nothing half-done.
      const messages = messageIds.map((id) => {
        return scoped(outbox, id, "Outbox message");
      });
      for (const message of messages) message.failureToldAt = new Date(at);
      wrote(new Set(messages).size);
    },
    async takeBackOutbox(messageIds, now) {
      const wrote = writing("outbox.deleteMany");
      const { cancelled, retracting, rowsWritten } = takeBackRows(tables().outbox, workspaceId, messageIds, now);
      wrote(rowsWritten);
      return { cancelled, retracting };
    },
  };
}
