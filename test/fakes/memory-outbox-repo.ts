/** The outbox part of the in-memory workspace repository: queueing with dedupe keys, and failures to tell. */
import { randomUUID } from "node:crypto";
import type { OutboxMessage } from "../../src/core/model.ts";
import type { Clock, WorkspaceRepo } from "../../src/core/ports.ts";
import { takeBackRows } from "./memory-outbox-retraction.ts";
import type { RepoScope } from "./memory-repo-scope.ts";
import { byCreatedAt, copy } from "./memory-tables.ts";

type OutboxMethods = Pick<
  WorkspaceRepo,
  | "enqueue"
  | "cancelPendingMessages"
  | "countChannelPosts"
  | "listOutbox"
  | "listUntoldFailures"
  | "listUntoldChannelFailures"
  | "markFailuresTold"
  | "takeBackOutbox"
>;

/** How dedupe keys join their parts (src/jobs/keys.ts and the core's own keys alike). */
const KEY_SEPARATOR = ":";
/** The outbox kind of a win posted to the team channel (src/core/outreach.ts). */
const CELEBRATION = "celebration";

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
    async cancelPendingMessages(memberId, filter) {
      const wrote = writing("outbox.deleteMany");
      const about = new Set(filter.about);
      const doomed = ofMember(tables().outbox, memberId).filter(
        (message) =>
          message.status === "PENDING" &&
          (filter.kinds === undefined || filter.kinds.includes(message.kind)) &&
          message.dedupeKey.split(KEY_SEPARATOR).some((part) => about.has(part)),
      );
      for (const message of doomed) tables().outbox.delete(message.id);
      wrote(doomed.length);
      return doomed.length;
    },
    async countChannelPosts(memberId, since) {
      return ofMember(tables().outbox, memberId).filter(
        (message) => message.target === "CHANNEL" && message.kind === CELEBRATION && message.createdAt > since,
      ).length;
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
    async listUntoldChannelFailures() {
      const failures = [...tables().outbox.values()].filter(
        (message) =>
          message.workspaceId === workspaceId &&
          message.target === "CHANNEL" &&
          (message.status === "FAILED" || message.status === "DEAD") &&
          message.failureToldAt === null,
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
