/** Matches a command's words to its argument specs, in order, with friendly problems for what doesn't fit. */
import { type ParseContext, parseArg } from "./arg-kinds.ts";
import type { ArgSpec } from "./spec.ts";

export type ArgsResult = { ok: true; args: Record<string, unknown> } | { ok: false; problem: string };

/**
 * Reads `words` against `specs`. An optional argument whose word does not fit its kind is skipped
 * when a later argument may take that word, so `invited acme tomorrow` needs no stage.
 */
export function parseArgs(specs: readonly ArgSpec[], words: readonly string[], context: ParseContext): ArgsResult {
  const args: Record<string, unknown> = {};
  let next = 0;
  // When a word skipped by an optional argument is then refused by a later one, the first reason is the useful one.
  let skipped: string | undefined;
  for (const [index, spec] of specs.entries()) {
    if (next >= words.length) {
      if (spec.required) return { ok: false, problem: `I need the ${spec.name}: ${spec.description}.` };
      continue;
    }
    const raw = spec.rest ? words.slice(next).join(" ") : (words[next] as string);
    const parsed = parseArg(spec.kind, raw, context);
    if (parsed.ok) {
      args[spec.name] = parsed.value;
      next = spec.rest ? words.length : next + 1;
      continue;
    }
    const laterCanTakeIt = specs.slice(index + 1).length > 0;
    if (spec.required || spec.rest || !laterCanTakeIt) return { ok: false, problem: skipped ?? parsed.problem };
    skipped ??= parsed.problem;
  }
  if (next < words.length) {
    const extra = words.slice(next).join(" ");
    return { ok: false, problem: `I didn't expect "${extra}" there. Multi-word names go in double quotes.` };
  }
  return { ok: true, args };
}

/** Converts named values (Discord's typed options) through the same kinds, so both paths validate alike. */
export function parseNamedArgs(
  specs: readonly ArgSpec[],
  values: Readonly<Record<string, string | number | undefined>>,
  context: ParseContext,
): ArgsResult {
  const args: Record<string, unknown> = {};
  for (const spec of specs) {
    const raw = values[spec.name];
    if (raw === undefined || raw === "") {
      if (spec.required) return { ok: false, problem: `I need the ${spec.name}: ${spec.description}.` };
      continue;
    }
    const parsed = parseArg(spec.kind, String(raw), context);
    if (!parsed.ok) return parsed;
    args[spec.name] = parsed.value;
  }
  return { ok: true, args };
}
