/** Small builders for the neutral messages handlers return. */
import type { BotMessage } from "./model.ts";

/** A private reply about the member's own data. */
export function reply(text: string, extra: Omit<BotMessage, "text"> = {}): BotMessage {
  return { private: true, ...extra, text };
}

/** A friendly refusal that shows how the command is used; nothing was changed. */
export function problem(text: string, usage?: string): BotMessage {
  const hint = usage ? `\nUsage: \`${usage}\`` : "";
  return { private: true, text: `${text}${hint}` };
}
