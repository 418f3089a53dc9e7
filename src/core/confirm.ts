/** Asking before acting: the `--yes` a command line carries once the member confirmed, and the Yes/No buttons that ask. */
import type { BotButton } from "./model.ts";
import { localParts } from "./time.ts";

/** The last word of a command line that says the member already answered yes. */
export const CONFIRM_FLAG = "--yes";

/** Splits a confirmation off a command's words: `offer Hooli --yes` is `offer Hooli`, confirmed. */
export function takeConfirmation(words: readonly string[]): { words: string[]; confirmed: boolean } {
  const confirmed = words.at(-1)?.toLowerCase() === CONFIRM_FLAG;
  return { words: confirmed ? words.slice(0, -1) : [...words], confirmed };
}

/** The command line that repeats `line` as confirmed. */
export function confirmedLine(line: string): string {
  return `${line} ${CONFIRM_FLAG}`;
}

/** A Yes button that runs `line` confirmed and a No button that changes nothing. */
export function confirmButtons(line: string, labels: { yes: string; no?: string }): BotButton[] {
  return [
    { actionId: "confirm.yes", label: labels.yes, command: confirmedLine(line), style: "primary" },
    { actionId: "confirm.no", label: labels.no ?? "No", command: "cancel" },
  ];
}

/** A company as a command line names it, quoted when it has spaces or quotes so the line reads back the same. */
export function quoteWord(word: string): string {
  if (/^[^\s"']+$/.test(word)) return word;
  return `"${word.replace(/"/g, "'")}"`;
}

/** A moment as a command line can carry it and read it back the same: `2026-12-03 14:30` in the member's zone. */
export function momentWords(at: Date, timeZone: string): string {
  const { year, month, day, hour, minute } = localParts(at, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${year}-${two(month)}-${two(day)} ${two(hour)}:${two(minute)}`;
}
