/** Retractions: outbox rows that delete a channel post already made, so an undone change leaves no celebration behind. */
import type { BotMessage } from "../model.ts";

/** The outbox kind of a retraction row. */
export const RETRACTION_KIND = "retraction";

/** One retraction per original row, however many undos or processes ask for it. */
export function retractionDedupeKey(originalId: string): string {
  return `retraction:${originalId}`;
}

/** The payload of a retraction: no text to show, only the reference of the post to delete. */
export function retractionPayload(postedRef: string): BotMessage {
  return { text: "", retracts: postedRef };
}

/** What a post taken back marks its dedupe key with, so the same win logged again is celebrated again. */
export const TAKEN_BACK_MARK = "#taken-back";

/** The dedupe key a post keeps once taken back: unique still (it names the row), and free for a new post. */
export function takenBackKey(dedupeKey: string, rowId: string): string {
  return `${dedupeKey}${TAKEN_BACK_MARK}:${rowId}`;
}
