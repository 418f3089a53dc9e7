/** Labels the bot's output in the terminal so replies, DMs and channel posts are told apart. */
import type { BotMessage } from "../../core/model.ts";
import { renderPlainText } from "../../core/render-text.ts";

export type ConsoleSource = { kind: "reply" } | { kind: "direct" } | { kind: "channel"; channel: string };

function label(source: ConsoleSource): string {
  if (source.kind === "reply") return "next-step";
  if (source.kind === "direct") return "DM from next-step";
  return `#${source.channel}`;
}

/** The message as a labelled block, continuation lines indented under the label. */
export function renderForConsole(source: ConsoleSource, message: BotMessage): string {
  const prefix = `[${label(source)}] `;
  const body = renderPlainText(message).split("\n");
  return body.map((line, index) => (index === 0 ? prefix : " ".repeat(prefix.length)) + line).join("\n");
}
