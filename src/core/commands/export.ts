/** `export`: everything the bot holds about the member, as one JSON document they can read. */

import { withoutMarks } from "../member-text.ts";
import type { OutboxMessage } from "../model.ts";
import { outcome, reply } from "../outcomes.ts";
import { renderPlainText } from "../render-text.ts";
import { UNDO_HORIZON_MS } from "../undo/journal.ts";
import { defineCommand } from "./spec.ts";

export const exportCommand = defineCommand({
  name: "export",
  group: "data",
  summary: "Download everything I keep about you",
  args: [],
  examples: ["export"],
  async handler(ctx) {
    const { repo, member } = ctx;
    const applications = await repo.listApplications(member.id);
    const ids = applications.map((application) => application.id);
    const [rounds, feedback, reflections, gaps, notes, messages, changes] = await Promise.all([
      repo.listRounds(ids),
      repo.listFeedback(ids),
      repo.listReflections(member.id),
      repo.listGaps(member.id),
      repo.listNotes(member.id),
      repo.listOutbox(member.id),
      repo.listChanges(member.id, new Date(ctx.now.getTime() - UNDO_HORIZON_MS)),
    ]);
    const document = {
      exportedAt: ctx.now.toISOString(),
      member,
      applications: applications.map((application) => ({
        ...application,
        rounds: rounds.filter((round) => round.applicationId === application.id),
        feedback: feedback.find((request) => request.applicationId === application.id) ?? null,
        notes: notes.filter((note) => note.applicationId === application.id),
      })),
      reflections,
      gaps,
      messages: messages.map(exportedMessage),
      // What `undo` could still take back (kept a day); the rows as they were are already in the data above or gone.
      recentChanges: changes.map((change) => ({
        command: change.summary,
        at: change.createdAt.toISOString(),
        undoneAt: change.undoneAt?.toISOString() ?? null,
      })),
    };
    return outcome(
      "export-ready",
      reply(
        `Here is everything I keep about you: ${applications.length} applications, ${rounds.length} rounds, ${notes.length} notes, ${reflections.length} reflections, ${gaps.length} gaps, ${messages.length} messages.`,
        { file: { name: "next-step-export.json", content: JSON.stringify(document, null, 2) } },
      ),
    );
  },
});

/** A message as the member would read it, with its kind and time; how the outbox delivers it is not theirs to wade through. */
function exportedMessage(message: OutboxMessage) {
  const { buttons: _buttons, file: _file, ...readable } = message.payload;
  return {
    kind: message.kind,
    to: message.target === "DIRECT" ? "you" : "the team channel",
    // When it went out, or when it is due to.
    at: (message.sentAt ?? message.nextAttemptAt).toISOString(),
    sent: message.sentAt !== null,
    // The export is a document, not markup: member text stands as written, without the renderers' marks.
    text: withoutMarks(renderPlainText(readable)),
  };
}
