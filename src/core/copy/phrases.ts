/** Small phrase builders the message library shares: stage names, spans of days and short lists in words. */
import { stageLabel } from "../commands/stages.ts";
import { STAGES } from "../model.ts";

/** A stage as members say it ("system design interview"); free text is kept as typed; null when there is none. */
export function describeStage(stage: string | null): string | null {
  const trimmed = stage?.trim() ?? "";
  if (trimmed === "") return null;
  const known = STAGES.find((candidate) => candidate === trimmed.toUpperCase());
  if (known !== undefined) return stageLabel(known);
  // Identifier-like input (LIVE_CODING) reads as shouting in a message; anything else was typed by a person.
  return /^[A-Z0-9_]+$/.test(trimmed) ? trimmed.toLowerCase().replaceAll("_", " ") : trimmed;
}

/** A span of days in words: "a day", "12 days", "about 3 weeks". */
export function describeDays(days: number): string {
  const whole = Number.isFinite(days) ? Math.max(1, Math.round(days)) : 1;
  if (whole === 1) return "a day";
  if (whole < 14) return `${whole} days`;
  return `about ${Math.round(whole / 7)} weeks`;
}

/** Joins items the way a sentence would: "a", "a and b", "a, b and c". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** A value as one command argument: multi-word names go in double quotes, as the command parser expects. */
export function commandArgument(value: string): string {
  const trimmed = value.trim();
  return /\s/.test(trimmed) ? `"${trimmed}"` : trimmed;
}
