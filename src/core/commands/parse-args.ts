/** Matches a command's words to its argument specs, in order, with friendly problems for what doesn't fit. */
import type { DateOrderQuestion } from "../grammar/numeric-dates.ts";
import { type ParseContext, parseArg } from "./arg-kinds.ts";
import {
  afterCompanyHint,
  type CommandShape,
  missingArgument,
  unexpectedWords,
  unreadableArgument,
} from "./arg-problems.ts";
import type { ArgSpec } from "./spec.ts";

/** The values by argument name, or what to tell the member; `question` when a date reads two ways. */
export type ArgsResult =
  | { ok: true; args: Record<string, unknown> }
  | { ok: false; problem: string; question?: DateOrderQuestion };

/**
 * Reads `words` against the command's specs. An optional argument whose word does not fit its kind is skipped
 * when a later argument may take that word, so `invited acme tomorrow` needs no stage.
 */
export function parseArgs(command: CommandShape, words: readonly string[], context: ParseContext): ArgsResult {
  const specs = command.args;
  const args: Record<string, unknown> = {};
  let next = 0;
  let lastSpec: ArgSpec | undefined;
  // When a word skipped by an optional argument is then refused by a later one, the first reason is the useful one.
  let skipped: string | undefined;
  for (const [index, spec] of specs.entries()) {
    if (next >= words.length) {
      if (spec.required) return { ok: false, problem: missingArgument(command, index) };
      continue;
    }
    const raw = spec.rest ? words.slice(next).join(" ") : (words[next] as string);
    const parsed = parseArg(spec.kind, raw, context);
    if (parsed.ok) {
      args[spec.name] = parsed.value;
      next = spec.rest ? words.length : next + 1;
      lastSpec = spec;
      continue;
    }
    // A date that reads two ways is this argument's after all: ask which, whatever an earlier one made of it.
    if (parsed.question) return parsed;
    const laterCanTakeIt = specs.slice(index + 1).length > 0;
    if (spec.required || spec.rest || !laterCanTakeIt) {
      const hint = lastSpec?.kind === "company" ? afterCompanyHint(command, words, next, context) : null;
      return { ok: false, problem: unreadableArgument(command, index, skipped ?? parsed.problem, hint) };
    }
    skipped ??= parsed.problem;
  }
  if (next < words.length) return { ok: false, problem: unexpectedWords(command, words, next, lastSpec, context) };
  return { ok: true, args };
}

/** Converts named values (Discord's typed options) through the same kinds, so both paths validate alike. */
export function parseNamedArgs(
  command: CommandShape,
  values: Readonly<Record<string, string | number | undefined>>,
  context: ParseContext,
): ArgsResult {
  const args: Record<string, unknown> = {};
  for (const [index, spec] of command.args.entries()) {
    const raw = values[spec.name];
    if (raw === undefined || raw === "") {
      if (spec.required) return { ok: false, problem: missingArgument(command, index) };
      continue;
    }
    const parsed = parseArg(spec.kind, String(raw), context);
    if (!parsed.ok)
      return parsed.question ? parsed : { ok: false, problem: unreadableArgument(command, index, parsed.problem) };
    args[spec.name] = parsed.value;
  }
  return { ok: true, args };
}
