/** Labels the bot's output in the terminal so replies, DMs and channel posts are told apart; bold and choices for a terminal. */

import { type MarkupRules, renderMarkup, withoutMarks } from "../../core/member-text.ts";
import type { BotButton, BotMessage } from "../../core/model.ts";
import { renderPlainText } from "../../core/render-text.ts";

export type ConsoleSource = { kind: "reply" } | { kind: "direct" } | { kind: "channel"; channel: string };

/** How the terminal shows emphasis: ANSI bold on a TTY, nothing when piped (so transcripts stay plain and stable). */
export interface ConsoleStyle {
  bold: boolean;
}

export const PLAIN: ConsoleStyle = { bold: false };

/** Shown under numbered buttons; the console adapter runs the chosen button's command. */
export const CHOICE_HINT = "Type the number to choose.";

function label(source: ConsoleSource): string {
  if (source.kind === "reply") return "next-step";
  if (source.kind === "direct") return "DM from next-step";
  return `#${source.channel}`;
}

/** `*Offer!*` as the terminal shows it: bold on a TTY, the word alone otherwise. */
function emphasis(text: string, style: ConsoleStyle): string {
  return text.replace(/(^|[\s("'])\*([^*\n]+?)\*(?=$|[\s.,!?:;)"'])/gm, (_, before: string, words: string) =>
    style.bold ? `${before}\u001b[1m${words}\u001b[22m` : `${before}${words}`,
  );
}

/** Member text on a terminal: as typed, minus control characters (no escape sequence of theirs reaches the TTY). */
const memberOnTerminal = (text: string) =>
  text.replace(/\p{Cc}/gu, (control) => (control === "\n" || control === "\t" ? control : ""));

function consoleMarkup(style: ConsoleStyle): MarkupRules {
  return { bot: (text) => emphasis(text, style), member: memberOnTerminal };
}

/** A reply's buttons as a numbered choice: `[1] Yes, log the offer  [2] No`. */
export function numberedChoices(buttons: readonly BotButton[]): string[] {
  return [buttons.map((button, index) => `[${index + 1}] ${withoutMarks(button.label)}`).join("  "), CHOICE_HINT];
}

/** The message as a labelled block, continuation lines indented under the label. A reply's buttons are numbered. */
export function renderForConsole(source: ConsoleSource, message: BotMessage, style: ConsoleStyle = PLAIN): string {
  const prefix = `[${label(source)}] `;
  // Only a reply's buttons can be chosen by number; a DM that arrives later keeps its commands to type.
  const numbered = source.kind === "reply" && (message.buttons?.length ?? 0) > 0;
  const text = renderPlainText({ ...message, buttons: numbered ? undefined : message.buttons, file: undefined })
    // A bullet that is all bold is a heading (help's groups): no bullet in front of it.
    .replace(/^ {2}• (\*[^*\n]+\*)$/gm, "$1");
  const body = [
    ...renderMarkup(text, consoleMarkup(style)).split("\n"),
    ...(numbered ? numberedChoices(message.buttons ?? []) : []),
    // A document is handed over exactly as it is (the export is JSON to save).
    ...(message.file ? [`[${message.file.name}]`, ...message.file.content.split("\n")] : []),
  ];
  return body.map((line, index) => (index === 0 ? prefix : " ".repeat(prefix.length)) + line).join("\n");
}
