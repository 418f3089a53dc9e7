/** The one list of what a command can come to: each outcome code with its kind and meaning, and the result types built from them. */
import type { BotMessage } from "./model.ts";

/** Done: it happened. Refused: nothing was kept. Needs confirmation: asks before acting. Failed: our fault, nothing kept. */
export type OutcomeKind = "done" | "refused" | "needs-confirmation" | "failed";

/** Every outcome code, stable for tests and adapters to match on instead of the words of the reply. */
export const OUTCOME_CODES = {
  // Refusals before any command runs, or by any command.
  "line-too-long": { kind: "refused", meaning: "the message is longer than the bot reads" },
  "bad-quoting": { kind: "refused", meaning: "the line could not be split into words (an open quote)" },
  "unknown-command": { kind: "refused", meaning: "no command answers to that word" },
  "bad-arguments": { kind: "refused", meaning: "an argument is missing, unexpected or does not read as its kind" },
  "admin-only": { kind: "refused", meaning: "the command is for workspace admins and the member is not one" },
  "company-not-found": { kind: "refused", meaning: "the member tracks no application at that company" },
  "company-ambiguous": {
    kind: "refused",
    meaning: "the company name fits more than one of the member's applications; buttons offer each",
  },
  "limit-reached": {
    kind: "refused",
    meaning: "the member keeps as many of those rows as one person may (src/core/limits.ts); nothing is added",
  },
  "workspace-removed": {
    kind: "refused",
    meaning:
      "sent from a DM for a workspace the app was removed from; nothing changes and its deletion stays scheduled",
  },
  "internal-error": { kind: "failed", meaning: "something unexpected went wrong; nothing was saved" },
  dismissed: { kind: "done", meaning: "the member said no to a question; nothing changed" },
  "date-order-question": {
    kind: "needs-confirmation",
    meaning: "a date like 12/03 reads two ways and the member's order is unknown; buttons pick one",
  },

  // Undo.
  "change-undone": { kind: "done", meaning: "the member's latest change is taken back, with what it queued" },
  "nothing-to-undo": { kind: "refused", meaning: "no change of the member's from the last day is left to undo" },
  "already-undone": { kind: "refused", meaning: "the change the Undo button names was undone already" },
  "undo-not-latest": {
    kind: "refused",
    meaning: "later changes stand on the one named, so it is not undone out of order",
  },

  // The pipeline.
  "application-created": { kind: "done", meaning: "a new application is tracked" },
  "application-exists": { kind: "refused", meaning: "the member already tracks that company with that role (or none)" },
  "company-name-unclear": {
    kind: "needs-confirmation",
    meaning: "apply asks whether the words after a one-word company are more of its name or the role",
  },
  "company-maybe-tracked": {
    kind: "needs-confirmation",
    meaning: "apply asks whether a new company's name means one the member already tracks",
  },
  "application-closed": { kind: "refused", meaning: "the application is closed, so the step does not fit" },
  "round-scheduled": { kind: "done", meaning: "an upcoming round is logged" },
  "round-held": { kind: "done", meaning: "a round that took place is logged" },
  "round-exists": { kind: "refused", meaning: "that round (same stage, same time) is already logged" },
  "invitation-logged": { kind: "done", meaning: "an invitation to a next step is logged (a win)" },
  "rejection-logged": { kind: "done", meaning: "a rejection is logged, privately" },
  "already-rejected": { kind: "refused", meaning: "the application is already marked as a rejection" },
  "offer-logged": { kind: "done", meaning: "an offer is logged (a win)" },
  "offer-accepted": { kind: "done", meaning: "an accepted offer is logged (a win)" },
  "application-withdrawn": { kind: "done", meaning: "the member withdrew from an application" },
  "application-ghosted": { kind: "done", meaning: "the application is marked as gone silent" },
  "status-unchanged": { kind: "refused", meaning: "the application already has that status" },
  "transition-needs-confirmation": {
    kind: "needs-confirmation",
    meaning: "the step is unusual for the application's status (an offer after a rejection), so it asks first",
  },
  "waiting-noted": { kind: "done", meaning: "the member is waiting to hear; the silence clock restarts" },

  // Corrections to what was logged.
  "application-edited": { kind: "done", meaning: "one field of an application is corrected" },
  "edit-value-invalid": {
    kind: "refused",
    meaning: "the new value does not fit the field (not a web address, a future date, too long, or it can't be empty)",
  },
  "delete-needs-confirmation": { kind: "needs-confirmation", meaning: "delete asks before removing an application" },
  "application-deleted": { kind: "done", meaning: "an application is deleted with its rounds, feedback and notes" },
  "round-not-found": { kind: "refused", meaning: "the application has no round with that number" },
  "round-edited": { kind: "done", meaning: "a round's stage or time is corrected" },
  "round-already-decided": { kind: "refused", meaning: "a round that has an outcome can't move into the future" },
  "round-cancelled": { kind: "done", meaning: "a round that won't happen is removed" },
  "note-added": { kind: "done", meaning: "a dated note is kept on an application" },
  "note-too-long": { kind: "refused", meaning: "the note is longer than the bot keeps" },

  // Feedback.
  "feedback-asked": { kind: "done", meaning: "the member asked the company for feedback" },
  "feedback-already-asked": { kind: "refused", meaning: "asking for feedback was already noted" },
  "feedback-already-received": { kind: "refused", meaning: "feedback from that company is already in" },
  "feedback-recorded": { kind: "done", meaning: "feedback the company gave is saved" },
  "feedback-too-long": { kind: "refused", meaning: "the feedback is longer than one application keeps" },
  "feedback-snoozed": { kind: "done", meaning: "the feedback reminder is put off by a week" },
  "no-feedback-reminder": { kind: "refused", meaning: "no feedback reminder is running for that company" },
  "feedback-skipped": { kind: "done", meaning: "feedback reminders for that company stop" },

  // The member's own metrics.
  "person-met-recorded": { kind: "done", meaning: "someone the member met is recorded" },
  "learning-recorded": { kind: "done", meaning: "something the member learned is recorded" },
  "impression-recorded": { kind: "done", meaning: "the member's rating of the company is saved" },
  "gap-created": { kind: "done", meaning: "a skill gap to practise is noted" },
  "gap-topic-too-long": { kind: "refused", meaning: "the gap's topic is longer than the bot keeps" },
  "gap-practised": { kind: "done", meaning: "a gap moved to practising" },
  "gap-closed": { kind: "done", meaning: "a gap is closed" },
  "gap-not-found": { kind: "refused", meaning: "the member has no gap with that number" },
  "gap-already-closed": { kind: "refused", meaning: "the gap is already closed" },

  // Views.
  "pipeline-shown": { kind: "done", meaning: "the member's pipeline" },
  "timeline-shown": { kind: "done", meaning: "one application's history" },
  "rounds-shown": { kind: "done", meaning: "one application's rounds, numbered for round-edit and round-cancel" },
  "stats-shown": { kind: "done", meaning: "the member's own metrics" },
  "gaps-shown": { kind: "done", meaning: "the member's gaps" },
  "settings-shown": { kind: "done", meaning: "the member's settings" },
  "help-shown": { kind: "done", meaning: "the command overview, or one command's usage" },
  "help-topic-unknown": { kind: "refused", meaning: "help was asked about a command that does not exist" },

  // Settings.
  "timezone-set": { kind: "done", meaning: "the member's timezone is set" },
  "quiet-hours-set": { kind: "done", meaning: "the member's quiet hours are set or switched off" },
  "sharing-set": { kind: "done", meaning: "the member's sharing choice is set" },
  "reminder-switched": { kind: "done", meaning: "one kind of reminder is switched on or off" },
  "unknown-reminder-kind": { kind: "refused", meaning: "no kind of reminder has that name" },
  paused: { kind: "done", meaning: "reminders and nudges are held for some days" },
  resumed: { kind: "done", meaning: "a pause ended (or there was none)" },
  "date-order-set": { kind: "done", meaning: "the member chose how they write dates like 3/12" },

  // The member's data.
  "export-ready": { kind: "done", meaning: "everything kept about the member, as JSON" },
  "forget-needs-confirmation": { kind: "needs-confirmation", meaning: "forget asks for `forget confirm` first" },
  "member-forgotten": { kind: "done", meaning: "every row about the member is deleted" },

  // Admins.
  "workspace-setting-changed": { kind: "done", meaning: "a workspace setting is changed" },
  "unknown-workspace-setting": { kind: "refused", meaning: "no workspace setting has that name" },
  "channel-not-in-workspace": {
    kind: "refused",
    meaning: "the channel is not one of this workspace's, or the platform could not confirm it just now",
  },
} as const satisfies Record<string, { kind: OutcomeKind; meaning: string }>;

export type OutcomeCode = keyof typeof OUTCOME_CODES;

/** Codes whose kind is `kind`, so a builder cannot call a refusal done. */
type CodeOf<K extends OutcomeKind> = {
  [C in OutcomeCode]: (typeof OUTCOME_CODES)[C]["kind"] extends K ? C : never;
}[OutcomeCode];

/** What a handler returns: its outcome as a code, and the reply the member reads. */
export interface CommandResult {
  kind: OutcomeKind;
  code: OutcomeCode;
  message: BotMessage;
}

/** What the bot hands an adapter: the handler's result and whether the command changed what a home screen shows. */
export interface CommandOutcome extends CommandResult {
  /** Derived from what the command wrote, never from a list of commands. */
  changed: boolean;
}

/** A private reply about the member's own data. */
export function reply(text: string, extra: Omit<BotMessage, "text"> = {}): BotMessage {
  return { private: true, ...extra, text };
}

/** The command did what it says, or asks before doing it; `message` is what the member reads. */
export function outcome(code: CodeOf<"done" | "needs-confirmation">, message: BotMessage): CommandResult {
  return { kind: OUTCOME_CODES[code].kind, code, message };
}

/** A friendly refusal, optionally showing how the command is used. Whatever was written before it is rolled back. */
export function refusal(
  code: CodeOf<"refused" | "failed">,
  text: string,
  usage?: string,
  extra: Omit<BotMessage, "text"> = {},
): CommandResult {
  const hint = usage ? `\nUsage: \`${usage}\`` : "";
  return { kind: OUTCOME_CODES[code].kind, code, message: reply(`${text}${hint}`, extra) };
}
