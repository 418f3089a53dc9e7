/** What an undoable change remembers: the rows it touched as they were before, and the outbox rows it queued. */

/** Tables whose rows a change can touch and an undo puts back. */
export const JOURNAL_TABLES = [
  "member",
  "application",
  "round",
  "feedback",
  "reflection",
  "gap",
  "note",
  "outbox",
] as const;
export type JournalTable = (typeof JOURNAL_TABLES)[number];

/** A row as the store keeps it, opaque to the core: only the store that took it can put it back. */
export type RowImage = Record<string, unknown>;

/** One row touched by a change: `before` is the row as it was, or null when the change created it. */
export interface JournalEntry {
  table: JournalTable;
  id: string;
  before: RowImage | null;
}

/** How long a change can still be undone; the store forgets older ones. */
export const UNDO_HORIZON_MS = 24 * 3_600_000;

/** One undoable change, as stored: the member's command and what it touched. */
export interface ChangeRecord {
  id: string;
  workspaceId: string;
  memberId: string;
  /** The command line as understood, e.g. `offer Hooli`: how the member recognises the change. */
  summary: string;
  /** Rows in the order they were touched; an undo walks them backwards. */
  entries: JournalEntry[];
  /** Dedupe keys of the outbox rows the change queued. */
  outboxKeys: string[];
  createdAt: Date;
  /** When the member undid it; null while it stands. */
  undoneAt: Date | null;
}

export interface NewChange {
  memberId: string;
  summary: string;
  entries: JournalEntry[];
  outboxKeys: string[];
}

/**
 * A row image after a round trip through JSON, with its timestamps as Dates again. Only keys are looked at (every
 * timestamp column ends in `At` or `Until`), so a member's text that happens to look like a date stays text.
 */
export function reviveRow(image: RowImage): RowImage {
  return Object.fromEntries(
    Object.entries(image).map(([key, value]) =>
      /(?:At|Until)$/.test(key) && typeof value === "string" ? [key, new Date(value)] : [key, value],
    ),
  );
}
