/** Replies a platform cannot show in place (a submitted form has nowhere to answer) go out as a direct message, through the outbox. */
import { enroll } from "./enroll.ts";
import type { BotMessage } from "./model.ts";
import type { Clock, Store, WorkspaceIdentity } from "./ports.ts";

/** The outbox kind of these messages. */
export const DIRECT_REPLY_KIND = "reply";

/** The member the reply is for, as the platform tells it. */
export interface DirectReplyRecipient {
  externalId: string;
  displayName: string;
  timezone?: string | null;
}

export interface DirectReplies {
  /**
   * Queues `reply` as a direct message to `recipient`, due at once (it answers something they just did, so quiet
   * hours do not hold it). `requestKey` names the request it answers: a request the platform retries queues nothing
   * more. A recipient whose command was refused before they were a member is enrolled, since a message needs one.
   */
  queue(
    identity: WorkspaceIdentity,
    recipient: DirectReplyRecipient,
    reply: BotMessage,
    requestKey: string,
  ): Promise<void>;
}

export function createDirectReplies({ store, clock }: { store: Store; clock: Clock }): DirectReplies {
  return {
    async queue(identity, recipient, reply, requestKey) {
      const workspace = await store.ensureWorkspace(identity);
      await store.inWorkspaceAs(workspace.id, recipient.externalId, { readOnly: false }, async (repo, { member }) => {
        const to = member ?? (await enroll(repo, recipient));
        await repo.enqueue({
          kind: DIRECT_REPLY_KIND,
          target: "DIRECT",
          memberId: to.id,
          channel: null,
          payload: reply,
          dedupeKey: `${DIRECT_REPLY_KIND}:${requestKey}`,
          nextAttemptAt: clock.now(),
        });
        return { commit: true, value: undefined };
      });
    },
  };
}
