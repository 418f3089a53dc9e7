/**
 * Outbox retention: a sent message keeps its words for OUTBOX_RETENTION_DAYS (30 by default), then only its
 * bookkeeping. The rows stay rather than go because their dedupe keys are what stop a win logged again from being
 * celebrated twice, and their posted reference is what an undo deletes; neither holds anything a member wrote.
 */
import { DAY_MS, type JobContext } from "./rules.ts";

/** How long a sent message keeps its words unless OUTBOX_RETENTION_DAYS says otherwise. */
export const DEFAULT_OUTBOX_RETENTION_DAYS = 30;

/** At most this many rows are blanked per batch, so no run holds many rows at once; a run takes batches until done. */
export const RETENTION_BATCH = 1000;

export async function runOutboxRetention({
  now,
  store,
  logger,
  outboxRetentionDays = DEFAULT_OUTBOX_RETENTION_DAYS,
}: JobContext): Promise<number> {
  const sentBefore = new Date(now.getTime() - outboxRetentionDays * DAY_MS);
  let blanked = 0;
  for (;;) {
    const batch = await store.blankSentPayloads(sentBefore, RETENTION_BATCH);
    blanked += batch;
    if (batch < RETENTION_BATCH) break;
  }
  if (blanked > 0) logger.info({ blanked, outboxRetentionDays }, "blanked sent messages past retention");
  // Like the workspace purge, it reports the rows it changed (it creates none).
  return blanked;
}
