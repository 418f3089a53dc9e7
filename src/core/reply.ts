/** Small builders for the neutral messages handlers return. */
import type { BotMessage } from "./model.ts";

/** A private reply about the member's own data. */
export function reply(text: string, extra: Omit<BotMessage, "text"> = {}): BotMessage {
  return { private: true, ...extra, text };
}

const refusals = new WeakSet<BotMessage>();

/** A friendly refusal, optionally showing how the command is used. The dispatcher rolls back anything written before it. */
export function problem(text: string, usage?: string, extra: Omit<BotMessage, "text"> = {}): BotMessage {
  const hint = usage ? `\nUsage: \`${usage}\`` : "";
  const message: BotMessage = { private: true, ...extra, text: `${text}${hint}` };
  refusals.add(message);
  return message;
}

/** Whether a handler refused (its transaction must leave nothing behind). */
export function isRefusal(message: BotMessage): boolean {
  return refusals.has(message);
}
