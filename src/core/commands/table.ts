/** The command table: one entry per command, checked for clashing names. Help, parsers and platform definitions derive from it. */
import { acceptedCommand } from "./accepted.ts";
import { adminCommand } from "./admin.ts";
import { applyCommand } from "./apply.ts";
import { askedCommand } from "./asked.ts";
import { cancelCommand } from "./cancel.ts";
import { datesCommand } from "./dates.ts";
import { deleteCommand } from "./delete.ts";
import { editCommand } from "./edit.ts";
import { exportCommand } from "./export.ts";
import { feedbackCommand } from "./feedback.ts";
import { forgetCommand } from "./forget.ts";
import { gapCommand } from "./gap.ts";
import { gapsCommand } from "./gaps.ts";
import { ghostedCommand } from "./ghosted.ts";
import { helpCommand } from "./help.ts";
import { impressionCommand } from "./impression.ts";
import { invitedCommand } from "./invited.ts";
import { learnedCommand } from "./learned.ts";
import { metCommand } from "./met.ts";
import { noteCommand } from "./note.ts";
import { notifyCommand } from "./notify.ts";
import { offerCommand } from "./offer.ts";
import { pauseCommand } from "./pause.ts";
import { pipelineCommand } from "./pipeline.ts";
import { practicedCommand } from "./practiced.ts";
import { quietCommand } from "./quiet.ts";
import { rejectedCommand } from "./rejected.ts";
import { resumeCommand } from "./resume.ts";
import { roundCommand } from "./round.ts";
import { roundCancelCommand } from "./round-cancel.ts";
import { roundEditCommand } from "./round-edit.ts";
import { roundsCommand } from "./rounds.ts";
import { settingsCommand } from "./settings.ts";
import { shareCommand } from "./share.ts";
import { skipCommand } from "./skip.ts";
import { snoozeCommand } from "./snooze.ts";
import type { Command } from "./spec.ts";
import { statsCommand } from "./stats.ts";
import { timelineCommand } from "./timeline.ts";
import { tzCommand } from "./tz.ts";
import { undoCommand } from "./undo.ts";
import { waitingCommand } from "./waiting.ts";
import { withdrawCommand } from "./withdraw.ts";

const COMMANDS: readonly Command[] = [
  applyCommand,
  roundCommand,
  invitedCommand,
  rejectedCommand,
  offerCommand,
  acceptedCommand,
  withdrawCommand,
  ghostedCommand,
  waitingCommand,
  editCommand,
  deleteCommand,
  roundsCommand,
  roundEditCommand,
  roundCancelCommand,
  askedCommand,
  feedbackCommand,
  snoozeCommand,
  skipCommand,
  metCommand,
  learnedCommand,
  impressionCommand,
  noteCommand,
  gapCommand,
  gapsCommand,
  practicedCommand,
  pipelineCommand,
  timelineCommand,
  statsCommand,
  tzCommand,
  quietCommand,
  datesCommand,
  shareCommand,
  notifyCommand,
  pauseCommand,
  resumeCommand,
  settingsCommand,
  exportCommand,
  forgetCommand,
  undoCommand,
  cancelCommand,
  helpCommand,
  adminCommand,
];

/** Builds the table, refusing two commands that answer to the same word. */
export function buildCommandTable(commands: readonly Command[]): readonly Command[] {
  const seen = new Map<string, string>();
  for (const command of commands) {
    for (const word of [command.name, ...(command.aliases ?? [])]) {
      const owner = seen.get(word);
      if (owner) throw new Error(`Command word "${word}" is claimed by both "${owner}" and "${command.name}"`);
      seen.set(word, command.name);
    }
    const restIndex = command.args.findIndex((arg) => arg.rest);
    if (restIndex !== -1 && restIndex !== command.args.length - 1) {
      throw new Error(`Command "${command.name}": only the last argument may take the rest of the line`);
    }
  }
  return commands;
}

/** The bot's commands. */
export const COMMAND_TABLE: readonly Command[] = buildCommandTable(COMMANDS);
