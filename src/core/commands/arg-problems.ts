/** What a member is told when a command's words don't fit its arguments: which argument, and an example that works. */

import { quoteWord } from "../confirm.ts";
import { tokenize } from "../grammar/tokenize.ts";
import { memberText } from "../member-text.ts";
import type { ArgKind, ParseContext } from "./arg-kinds.ts";
import { parseArg } from "./arg-kinds.ts";
import type { ArgSpec, Command } from "./spec.ts";

/** What the problems are written from: the command's name, argument specs and examples, as the table holds them. */
export type CommandShape = Pick<Command, "name" | "args" | "examples">;

/** The question a missing argument of this kind asks; text and plain words ask from their name and description. */
const KIND_QUESTIONS: Partial<Record<ArgKind, string>> = {
  company: "Which company?",
  stage: "Which stage?",
  when: "When?",
  rating: "What rating, from 1 to 5?",
  timezone: "Which timezone?",
  quiet: "Which quiet hours?",
  share: "Which sharing level: on, off or company?",
  days: "For how many days?",
  gapNumber: "Which gap number?",
  channel: "Which channel?",
  dateOrder: "Which order: day-first or month-first?",
};

function question(spec: ArgSpec): string {
  const asked = KIND_QUESTIONS[spec.kind];
  if (asked) return asked;
  const description = spec.description;
  // "who you met", "what you learned": the description already reads as what to tell.
  if (description.toLowerCase().startsWith(`${spec.name.toLowerCase()} `)) return `Tell me ${description}.`;
  return description.startsWith("the ") ? `Which ${spec.name}?` : `Which ${spec.name}? (${description})`;
}

/** The words after the command name in each of its examples. */
function exampleWords(example: string): string[] {
  const tokens = tokenize(example);
  return tokens.ok ? tokens.tokens.slice(1) : [];
}

/** The command's first example that gives the argument at `index` (or its first example), as a command line. */
export function exampleFor(command: CommandShape, index = 0): string {
  const giving = command.examples.find((example) => exampleWords(example).length > index);
  return giving ?? command.examples[0] ?? command.name;
}

/** A required argument was not given: "Which company? Try `round Acme technical tomorrow 3pm`." */
export function missingArgument(command: CommandShape, index: number): string {
  const spec = command.args[index] as ArgSpec;
  return `${question(spec)} Try \`${exampleFor(command, index)}\`.`;
}

/**
 * A word did not read as its argument: the kind's own words, then the quoting hint when one fits, else an example
 * (unless the kind's words already give some).
 */
export function unreadableArgument(
  command: CommandShape,
  index: number,
  problem: string,
  hint?: string | null,
): string {
  if (hint) return `${problem} ${hint}`;
  return /\bTry\b/.test(problem) ? problem : `${problem} Try \`${exampleFor(command, index)}\`.`;
}

/** Words that could continue a company's name: letters first, and not a date, a stage or a number. */
export function couldBeNamePart(words: readonly string[], context: ParseContext): boolean {
  if (words.length === 0 || !words.every((word) => /^\p{L}[\p{L}\p{N}&.'’-]*$/u.test(word))) return false;
  const text = words.join(" ");
  return !parseArg("when", text, context).ok && !words.some((word) => parseArg("stage", word, context).ok);
}

/** The line again with the company at `companyAt` and the `count` words after it as one quoted name. */
function quotedLine(command: CommandShape, words: readonly string[], companyAt: number, count: number): string {
  const name = words.slice(companyAt, companyAt + 1 + count).join(" ");
  const after = words.slice(companyAt + 1 + count);
  return [command.name, ...words.slice(0, companyAt).map(quoteWord), quoteWord(name), ...after.map(quoteWord)].join(
    " ",
  );
}

/** Suggests quoting when the company's name probably went on past its first word: `asked "Acme Corp"`. */
function quotingHint(command: CommandShape, words: readonly string[], companyAt: number, count: number): string {
  const name = words.slice(companyAt, companyAt + 1 + count).join(" ");
  return `If "${memberText(name)}" is one name, put it in quotes: \`${quotedLine(command, words, companyAt, count)}\`.`;
}

/**
 * A word right after the company did not fit the next argument ("rejected Acme Corp"). A capitalised word that could
 * be part of a name gets the quoting hint; a lower-case one is more likely a slip ("onsit"), and gets none.
 */
export function afterCompanyHint(
  command: CommandShape,
  words: readonly string[],
  wordAt: number,
  context: ParseContext,
): string | null {
  const word = words[wordAt] ?? "";
  if (!/^\p{Lu}/u.test(word) || !couldBeNamePart([word], context)) return null;
  return quotingHint(command, words, wordAt - 1, 1);
}

/**
 * Words were left over once every argument had its own. After a company, words that could be part of its name get
 * a quoting hint; anything else is told what the command takes.
 */
export function unexpectedWords(
  command: CommandShape,
  words: readonly string[],
  used: number,
  lastSpec: ArgSpec | undefined,
  context: ParseContext,
): string {
  const extra = words.slice(used);
  const quoted = `"${memberText(extra.join(" "))}"`;
  if (command.args.length === 0) {
    return `I didn't expect ${quoted}: \`${command.name}\` works on its own. Try \`${exampleFor(command)}\`.`;
  }
  if (used > 0 && lastSpec?.kind === "company" && couldBeNamePart(extra, context)) {
    return `I didn't expect ${quoted} after the company. ${quotingHint(command, words, used - 1, extra.length)}`;
  }
  const after = lastSpec ? ` after the ${lastSpec.name}` : "";
  return `I didn't expect ${quoted}${after}. Try \`${exampleFor(command)}\`.`;
}
