/** How a command arrived, read once from a text line or from named values: the line that reruns it and its answers. */
import { lineOfValues, type Said, saidInValues, saidInWords } from "./commands/said.ts";
import type { Command } from "./commands/spec.ts";
import { quoteWord, takeConfirmation } from "./confirm.ts";
import { takeDateOrder } from "./date-order.ts";
import type { DateOrder } from "./model.ts";

export interface CommandRequest {
  /** The command as a text line, for buttons that repeat it with an answer. */
  line: string;
  /** The command as understood, e.g. `offer Hooli`: how `undo` names the change. */
  summary: string;
  /** How the member gave it, for buttons that run it again on another company. */
  said: Said;
  /** The line ended in `--yes`. */
  confirmed?: boolean;
  /** The line answered the date-order question (`--day-first`, `--month-first`). */
  dateOrder?: DateOrder | null;
}

/**
 * A text line's words after the command name (`quoted` says which had quotes): the answers the line carries come off
 * its end, and what is left are the words its arguments are read from.
 */
export function requestFromWords(
  command: Command,
  line: string,
  afterName: readonly string[],
  quoted: readonly boolean[],
): { request: CommandRequest; rest: string[] } {
  // Only a command that reads dates can carry the answer to the date-order question.
  const readsDates = command.args.some((arg) => arg.kind === "when");
  const answered = readsDates ? takeDateOrder([...afterName]) : { words: [...afterName], chosen: null };
  const { words: rest, confirmed } = takeConfirmation(answered.words);
  const request: CommandRequest = {
    line,
    summary: [command.name, ...rest.map(quoteWord)].join(" "),
    // Only trailing words were taken off, so the quoting of what is left lines up from the start.
    said: saidInWords(command, rest, quoted.slice(0, rest.length)),
    confirmed,
    dateOrder: answered.chosen,
  };
  return { request, rest };
}

/** Named values (Discord options), written back as the text line that runs the same command. */
export function requestFromValues(
  command: Command,
  values: Readonly<Record<string, string | number | undefined>>,
): CommandRequest {
  const line = lineOfValues(command.name, command.args, values);
  return { line, summary: line, said: saidInValues(command.name, command.args, values) };
}
