/**
 * Moments in message text: the core writes `⟦t:<unix>|<local reading>⟧`, and each renderer decides how it reads.
 * Discord shows `<t:unix:F>` so every reader sees their own local time; text renderers keep the member's reading.
 */
import type { BotMessage } from "./model.ts";
import { formatLocal } from "./time.ts";

const MOMENT = /⟦t:(-?\d+)\|([^⟧]*)⟧/g;

/** A moment for message text, read in `timeZone` wherever the platform cannot localise it. */
export function formatMoment(at: Date, timeZone: string): string {
  return `⟦t:${Math.floor(at.getTime() / 1000)}|${formatLocal(at, timeZone)}⟧`;
}

/** Replaces every moment in `text`. */
export function resolveMoments(text: string, render: (unixSeconds: number, localReading: string) => string): string {
  return text.replace(MOMENT, (_, unix: string, reading: string) => render(Number(unix), reading));
}

/** Every moment as its local reading, for plain text. */
export function momentsAsText(text: string): string {
  return resolveMoments(text, (_, reading) => reading);
}

/** The message with every moment in its strings rendered by `render`. */
export function mapMoments(
  message: BotMessage,
  render: (unixSeconds: number, localReading: string) => string,
): BotMessage {
  const map = (text: string) => resolveMoments(text, render);
  return {
    ...message,
    text: map(message.text),
    ...(message.title !== undefined ? { title: map(message.title) } : {}),
    ...(message.fields
      ? { fields: message.fields.map((field) => ({ label: map(field.label), value: map(field.value) })) }
      : {}),
    ...(message.items ? { items: message.items.map(map) } : {}),
  };
}
