/**
 * Moments in message text: the core writes `⟦t:<unix>|<local reading>⟧` (a day alone: `⟦d:…⟧`), and each renderer
 * decides how it reads. Discord shows `<t:unix:F>` (`:D` for a day) so every reader sees their own local time; text
 * renderers keep the member's reading.
 */
import type { BotMessage } from "./model.ts";
import { formatLocal, formatLocalDay } from "./time.ts";

const MOMENT = /⟦([td]):(-?\d+)\|([^⟧]*)⟧/g;

/** How a renderer turns a moment into text; `dayOnly` when only the date was given, so no time should show. */
export type MomentRenderer = (unixSeconds: number, localReading: string, dayOnly: boolean) => string;

/**
 * A moment for message text, read in `timeZone` wherever the platform cannot localise it: "Thu 3 Dec 2026, 14:00",
 * or "Thu 3 Dec 2026" when `hasTime` is false (the member gave a day, not a time). Every reply that echoes a date
 * or time the bot understood or stored writes it with this, so the member sees one format everywhere.
 */
export function formatMoment(at: Date, timeZone: string, hasTime = true): string {
  const unix = Math.floor(at.getTime() / 1000);
  return hasTime ? `⟦t:${unix}|${formatLocal(at, timeZone)}⟧` : `⟦d:${unix}|${formatLocalDay(at, timeZone)}⟧`;
}

/** Replaces every moment in `text`. */
export function resolveMoments(text: string, render: MomentRenderer): string {
  return text.replace(MOMENT, (_, style: string, unix: string, reading: string) =>
    render(Number(unix), reading, style === "d"),
  );
}

/** Every moment as its local reading, for plain text. */
export function momentsAsText(text: string): string {
  return resolveMoments(text, (_, reading) => reading);
}

/** The message with every moment in its strings rendered by `render`. */
export function mapMoments(message: BotMessage, render: MomentRenderer): BotMessage {
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
