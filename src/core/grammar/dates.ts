/** Reads "when" phrases (ISO dates, "tomorrow 3pm", "Dec 3 10:00", 03.12.2026) and times of day in the member's timezone. */
// The English-only build: the same casual parser as the package root, without loading fifteen other locales.

import * as chrono from "chrono-node/en";
import { memberText } from "../member-text.ts";
import type { DateOrder } from "../model.ts";
import { formatLocalDay, offsetMinutes, zonedTimeToUtc } from "../time.ts";
import { DATE_EXAMPLES, type DateOrderQuestion, spellNumericDates } from "./numeric-dates.ts";

export type WhenResult =
  | { ok: true; at: Date; hasTime: boolean }
  | {
      ok: false;
      problem: string;
      question?: DateOrderQuestion;
      /** It reads as a date, but not one the bot keeps: a day the calendar lacks, or one outside the window. */
      refused?: true;
    };

/** How far from now a date a member gives may be: the job hunt being tracked, not history or a far future. */
export const DATE_WINDOW = { yearsBack: 2, yearsAhead: 1 } as const;

// Words people put around a date that chrono leaves unmatched.
const FILLER = /^[\s,.]*(?:(?:at|on|around|@)[\s,.]*)*$/i;
/** The hour assumed when someone gives a day but no time. */
const DEFAULT_HOUR = 9;
/** How far back a date without a year may point before it is taken as next year's. */
const YEARLESS_PAST_LIMIT_MS = 60 * 86_400_000;

/**
 * Parses `text` relative to `now` as seen in `timeZone`. Slashed dates like 12/03 are read in `dateOrder`; when
 * that is unknown and both readings are days, the result asks which one the member meant.
 */
export function parseWhen(text: string, now: Date, timeZone: string, dateOrder: DateOrder | null = null): WhenResult {
  const input = text.trim();
  const spelled = spellNumericDates(input, dateOrder);
  if (!spelled.ok) {
    const { impossible, ...failure } = spelled;
    return impossible ? { ...failure, refused: true } : failure;
  }
  const results = chrono.parse(spelled.text, { instant: now, timezone: offsetMinutes(now, timeZone) });
  const first = results[0];
  const read = spelled.text;
  const leftover = first ? read.slice(0, first.index) + read.slice(first.index + first.text.length) : read;
  if (!first || results.length > 1 || !FILLER.test(leftover)) {
    return {
      ok: false,
      problem: `I couldn't read "${memberText(input)}" as a date. ${DATE_EXAMPLES}`,
    };
  }
  const start = first.start;
  const hasTime = start.isCertain("hour");
  if (start.isCertain("timezoneOffset")) return withinWindow(input, start.date(), hasTime, now, timeZone);
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
  return withinWindow(input, at, hasTime, now, timeZone);
}

/** `at`, when it lies within DATE_WINDOW of `now`; otherwise a reply naming the window's first and last days. */
function withinWindow(input: string, at: Date, hasTime: boolean, now: Date, timeZone: string): WhenResult {
  const earliest = new Date(now);
  earliest.setUTCFullYear(now.getUTCFullYear() - DATE_WINDOW.yearsBack);
  const latest = new Date(now);
  latest.setUTCFullYear(now.getUTCFullYear() + DATE_WINDOW.yearsAhead);
  if (at >= earliest && at <= latest) return { ok: true, at, hasTime };
  const from = formatLocalDay(earliest, timeZone);
  const to = formatLocalDay(latest, timeZone);
  return {
    ok: false,
    refused: true,
    problem: `"${input}" is ${at < earliest ? "too long ago" : "too far ahead"} for me: I keep dates from ${DATE_WINDOW.yearsBack} years back to ${DATE_WINDOW.yearsAhead} year ahead, ${from} to ${to}. ${DATE_EXAMPLES}`,
  };
}

/** A bare hour ("21", "7"), which the date parser leaves alone. */
const BARE_HOUR = /^([01]?\d|2[0-4])$/;

/**
 * A time of day as minutes after midnight ("9pm", "21:30", "7 am", "21", "noon"), read as dates read "3pm";
 * null when the text is not one time of day alone.
 */
export function parseTimeOfDay(text: string): number | null {
  const input = text.trim().toLowerCase();
  const bare = BARE_HOUR.exec(input);
  if (bare) return (Number(bare[1]) % 24) * 60;
  const [first, ...others] = chrono.parse(input, { instant: new Date(0), timezone: 0 });
  // A range ("9pm-7am") reads as one result with an end: it is two times, not one.
  if (!first || others.length > 0 || first.end || first.text.length !== input.length) return null;
  const start = first.start;
  if (!start.isCertain("hour") || start.isCertain("day") || start.isCertain("weekday")) return null;
  return (start.get("hour") ?? 0) * 60 + (start.get("minute") ?? 0);
}
