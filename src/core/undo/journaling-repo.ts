/** Wraps a member's repository so every write a command makes is remembered as the row it replaced, for `undo`. */
import type { WorkspaceRepo } from "../ports.ts";
import type { JournalEntry, JournalTable, RowImage } from "./journal.ts";

/** What one command did, as an undo needs it. */
export interface Journal {
  /** Rows in the order they were first touched; each row's image is the one from before the command. */
  entries: JournalEntry[];
  /** Dedupe keys of the outbox rows it queued. */
  outboxKeys: string[];
  /** Whether one of those rows is a post for a team channel. */
  queuedChannelPost: boolean;
}

/**
 * How the journal treats each repository method. A Record over every method name, so a method added to the port
 * does not compile until someone decides whether an undo must see its writes.
 */
const METHOD_POLICY: Record<keyof WorkspaceRepo, "reads" | "journaled" | "not undoable"> = {
  workspaceId: "reads",
  getWorkspace: "reads",
  findMember: "reads",
  listApplications: "reads",
  listRounds: "reads",
  listFeedback: "reads",
  listReflections: "reads",
  listGaps: "reads",
  listOutbox: "reads",
  countChannelPosts: "reads",
  listUntoldFailures: "reads",
  listUntoldChannelFailures: "reads",
  listChanges: "reads",
  listNotes: "reads",
  snapshotRow: "reads",
  rowsWritten: "reads",
  updateMember: "journaled",
  createApplication: "journaled",
  updateApplication: "journaled",
  createRound: "journaled",
  updateRound: "journaled",
  upsertFeedback: "journaled",
  createReflection: "journaled",
  createGap: "journaled",
  updateGap: "journaled",
  enqueue: "journaled",
  deleteApplication: "journaled",
  deleteRound: "journaled",
  createNote: "journaled",
  // Workspace settings belong to the admins, not to one member's history.
  updateWorkspace: "not undoable",
  // Commands never call these: enrolment happens before a command, forgetting and undoing are not undone.
  ensureMember: "not undoable",
  deleteMember: "not undoable",
  markFailuresTold: "not undoable",
  restoreRow: "not undoable",
  recordChange: "not undoable",
  markChangeUndone: "not undoable",
  takeBackOutbox: "not undoable",
  cancelPendingMessages: "journaled",
};

/** The methods an undo must see, for tests that check the wrapper covers them all. */
export const JOURNALED_METHODS = Object.entries(METHOD_POLICY)
  .filter(([, policy]) => policy === "journaled")
  .map(([name]) => name);

export function journaling(inner: WorkspaceRepo): { repo: WorkspaceRepo; journal: Journal } {
  const journal: Journal = { entries: [], outboxKeys: [], queuedChannelPost: false };
  const seen = new Set<string>();

  /** Remembers a row before its first change in this command; later changes to it keep the first image. */
  /**
   * Rows the command listed before changing them, as the store returned them (every column): their images, so the
   * first change of a listed row costs no extra read. Every write to a row goes through this wrapper and records its
   * image first, so an image kept here is still the row as it was when the command first touches it.
   */
  const listed = new Map<string, RowImage>();
  /** Applications whose feedback the command listed, so a missing image means no feedback row. */
  const feedbackListed = new Set<string>();
  function keep<T extends { id: string }>(table: JournalTable, rows: T[]): T[] {
    for (const row of rows) {
      const key = `${table}:${row.id}`;
      if (!seen.has(key)) listed.set(key, { ...row });
    }
    return rows;
  }
  async function before(table: JournalTable, id: string): Promise<void> {
    const key = `${table}:${id}`;
    if (seen.has(key)) return;
    seen.add(key);
    journal.entries.push({ table, id, before: listed.get(key) ?? (await inner.snapshotRow(table, id)) });
  }
  function remember(table: JournalTable, id: string, image: RowImage): void {
    const key = `${table}:${id}`;
    if (seen.has(key)) return;
    seen.add(key);
    journal.entries.push({ table, id, before: image });
  }
  function created(table: JournalTable, id: string): void {
    const key = `${table}:${id}`;
    if (seen.has(key)) return;
    seen.add(key);
    journal.entries.push({ table, id, before: null });
  }

  const repo: WorkspaceRepo = {
    ...inner,
    workspaceId: inner.workspaceId,
    rowsWritten: () => inner.rowsWritten(),
    listApplications: async (memberId) => keep("application", await inner.listApplications(memberId)),
    listRounds: async (applicationIds) => keep("round", await inner.listRounds(applicationIds)),
    async listFeedback(applicationIds) {
      for (const id of applicationIds) feedbackListed.add(id);
      return keep("feedback", await inner.listFeedback(applicationIds));
    },
    listGaps: async (memberId) => keep("gap", await inner.listGaps(memberId)),
    async updateMember(memberId, patch) {
      await before("member", memberId);
      return inner.updateMember(memberId, patch);
    },
    async createApplication(input) {
      const application = await inner.createApplication(input);
      created("application", application.id);
      return application;
    },
    async updateApplication(applicationId, patch) {
      await before("application", applicationId);
      return inner.updateApplication(applicationId, patch);
    },
    async createRound(input) {
      const round = await inner.createRound(input);
      created("round", round.id);
      return round;
    },
    async updateRound(roundId, patch) {
      await before("round", roundId);
      return inner.updateRound(roundId, patch);
    },
    async upsertFeedback(applicationId, patch) {
      // The command usually listed this application's feedback just before: its image, or its absence, is known.
      const known = [...listed.entries()].find(
        ([key, row]) => key.startsWith("feedback:") && row.applicationId === applicationId,
      );
      const existing = feedbackListed.has(applicationId)
        ? (known?.[1] as { id: string } | undefined)
        : keep("feedback", await inner.listFeedback([applicationId]))[0];
      if (existing) await before("feedback", existing.id);
      const request = await inner.upsertFeedback(applicationId, patch);
      if (!existing) created("feedback", request.id);
      return request;
    },
    async createReflection(input) {
      const reflection = await inner.createReflection(input);
      created("reflection", reflection.id);
      return reflection;
    },
    async createGap(input) {
      const gap = await inner.createGap(input);
      created("gap", gap.id);
      return gap;
    },
    async updateGap(gapId, patch) {
      await before("gap", gapId);
      return inner.updateGap(gapId, patch);
    },
    async deleteApplication(applicationId) {
      // Children first, so an undo (walking backwards) puts the application back before what hangs off it.
      const application = await inner.snapshotRow("application", applicationId);
      if (application) {
        const memberId = String(application.memberId);
        const rounds = await inner.listRounds([applicationId]);
        const feedback = await inner.listFeedback([applicationId]);
        const notes = (await inner.listNotes(memberId)).filter((note) => note.applicationId === applicationId);
        const reflections = (await inner.listReflections(memberId)).filter(
          (row) => row.applicationId === applicationId,
        );
        const gaps = (await inner.listGaps(memberId)).filter((gap) => gap.applicationId === applicationId);
        for (const gap of gaps) await before("gap", gap.id);
        for (const reflection of reflections) await before("reflection", reflection.id);
        for (const note of notes) await before("note", note.id);
        for (const request of feedback) await before("feedback", request.id);
        for (const round of rounds) await before("round", round.id);
        await before("application", applicationId);
      }
      return inner.deleteApplication(applicationId);
    },
    async deleteRound(roundId) {
      const round = await inner.snapshotRow("round", roundId);
      if (round) {
        const application = await inner.snapshotRow("application", String(round.applicationId));
        const reflections = application ? await inner.listReflections(String(application.memberId)) : [];
        for (const reflection of reflections.filter((row) => row.roundId === roundId)) {
          await before("reflection", reflection.id);
        }
        await before("round", roundId);
      }
      return inner.deleteRound(roundId);
    },
    async createNote(input) {
      const note = await inner.createNote(input);
      created("note", note.id);
      return note;
    },
    async cancelPendingMessages(memberId, filter) {
      // Messages a deletion or a moved round called off come back with an undo, an encouragement above all.
      const waiting = await inner.listOutbox(memberId);
      const cancelled = await inner.cancelPendingMessages(memberId, filter);
      if (cancelled > 0) {
        const left = new Set((await inner.listOutbox(memberId)).map((message) => message.id));
        // The rows as listed are the rows as stored (every column), so they are their own before-images.
        for (const message of waiting.filter((row) => !left.has(row.id)))
          remember("outbox", message.id, { ...message });
      }
      return cancelled;
    },
    async enqueue(message) {
      const queued = await inner.enqueue(message);
      if (queued) {
        journal.outboxKeys.push(message.dedupeKey);
        if (message.target === "CHANNEL") journal.queuedChannelPost = true;
      }
      return queued;
    },
  };
  return { repo, journal };
}

/** Whether the command left anything to undo. */
export function isEmpty(journal: Journal): boolean {
  return journal.entries.length === 0 && journal.outboxKeys.length === 0;
}
