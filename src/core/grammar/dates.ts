/** Reads "when" phrases (ISO dates, "tomorrow 3pm", "Dec 3 10:00") in the member's timezone. */
// The English-only build: the same casual parser as the package root, without loading fifteen other locales.
import * as chrono from "chrono-node/en";
import { offsetMinutes, zonedTimeToUtc } from "../time.ts";

export type WhenResult = { ok: true; at: Date; hasTime: boolean } | { ok: false; problem: string };

// Words people put around a date that chrono leaves unmatched.
const FILLER = /^[\s,.]*(?:(?:at|on|around|@)[\s,.]*)*$/i;
/** The hour assumed when someone gives a day but no time. */
const DEFAULT_HOUR = 9;
/** How far back a date without a year may point before it is taken as next year's. */
const YEARLESS_PAST_LIMIT_MS = 60 * 86_400_000;

/** Parses `text` relative to `now` as seen in `timeZone`. */
export function parseWhen(text: string, now: Date, timeZone: string): WhenResult {
  const input = text.trim();
  const results = chrono.parse(input, { instant: now, timezone: offsetMinutes(now, timeZone) });
  const first = results[0];
  const leftover = first ? input.slice(0, first.index) + input.slice(first.index + first.text.length) : input;
  if (!first || results.length > 1 || !FILLER.test(leftover)) {
    return {
      ok: false,
      problem: `I couldn't read "${input}" as a date. Try "tomorrow 3pm", "Dec 3 10:00" or "2026-12-03 14:30".`,
    };
  }
  const start = first.start;
  const hasTime = start.isCertain("hour");
  if (start.isCertain("timezoneOffset")) return { ok: true, at: start.date(), hasTime };
  const wall = {
    year: start.get("year") ?? 1970,
    month: start.get("month") ?? 1,
    day: start.get("day") ?? 1,
    hour: hasTime ? (start.get("hour") ?? 0) : DEFAULT_HOUR,
    minute: hasTime ? (start.get("minute") ?? 0) : 0,
  };
  let at = zonedTimeToUtc(wall, timeZone);
  // "Dec 3" said in March means the coming December: a yearless date long past rolls forward a year.
  if (!start.isCertain("year") && now.getTime() - at.getTime() > YEARLESS_PAST_LIMIT_MS) {
    at = zonedTimeToUtc({ ...wall, year: wall.year + 1 }, timeZone);
  }
  return { ok: true, at, hasTime };
}
