/** Dates written in digits: dotted ones (03.12.2026, 3.12.) are day first; slashed ones (12/03) follow the member's order. */
import { memberText } from "../member-text.ts";
import type { DateOrder } from "../model.ts";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A slashed date that reads as two different days, and the two readings in words. */
export interface DateOrderQuestion {
  /** The date as the member typed it, e.g. "12/03". */
  written: string;
  /** Day first, e.g. "12 March". */
  dayFirst: string;
  /** Month first, e.g. "3 December". */
  monthFirst: string;
}

export type SpelledDates =
  | { ok: true; text: string }
  | {
      ok: false;
      problem: string;
      question?: DateOrderQuestion;
      /** The text names a day the calendar lacks (2026-13-01), rather than reading as no date at all. */
      impossible?: true;
    };

// Dotted dates need their second dot (with or without a year) so that "10.30" stays a time of day.
const DOTTED = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?!\d)/g;
// Year first (2026-12-03, 2026/12/03): checked only, as the date parser reads them (and what follows, like T14:30) well.
const YEAR_FIRST = /(?<![\d./-])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g;
const SLASHED = /(?<![\d/])(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?(?![\d/])/g;

/** A day of a month in words ("3 December 2026"), or null when the calendar has no such day. */
function spell(day: number, month: number, year: string | undefined): string | null {
  const fullYear = year === undefined ? undefined : year.length === 2 ? 2000 + Number(year) : Number(year);
  // A yearless 29 February is fine: some year has one.
  const checkYear = fullYear ?? 2028;
  const date = new Date(Date.UTC(checkYear, month - 1, day));
  if (month < 1 || month > 12 || day < 1 || date.getUTCDate() !== day) return null;
  return `${day} ${MONTHS[month - 1]}${fullYear === undefined ? "" : ` ${fullYear}`}`;
}

/** What a date that did not read is told to look like. */
export const DATE_EXAMPLES = `Try "tomorrow 3pm", "Dec 3 10:00" or "2026-12-03 14:30".`;

function notADay(written: string): SpelledDates {
  return {
    ok: false,
    problem: `"${memberText(written)}" isn't a day on the calendar. ${DATE_EXAMPLES}`,
    impossible: true,
  };
}

/**
 * Rewrites each numeric date in `text` as words, so the date parser reads it one way only. A slashed date whose
 * parts could both be a month is a question when the member's order is unknown; one with a part over 12 is not.
 */
export function spellNumericDates(text: string, order: DateOrder | null): SpelledDates {
  let failure: SpelledDates | undefined;
  const fail = (result: SpelledDates) => {
    failure ??= result;
    return "";
  };
  for (const [written, year, , month, day] of text.matchAll(YEAR_FIRST)) {
    if (spell(Number(day), Number(month), year) === null) fail(notADay(written));
  }
  const dotted = text.replace(DOTTED, (written, day: string, month: string, year?: string) => {
    return spell(Number(day), Number(month), year) ?? fail(notADay(written));
  });
  const spelled = dotted.replace(SLASHED, (written, first: string, second: string, year?: string) => {
    const [a, b] = [Number(first), Number(second)];
    const dayFirst = spell(a, b, year);
    const monthFirst = spell(b, a, year);
    if (dayFirst === null && monthFirst === null) return fail(notADay(written));
    if (dayFirst === null || monthFirst === null || dayFirst === monthFirst) return (dayFirst ?? monthFirst) as string;
    if (order === "DAY_FIRST") return dayFirst;
    if (order === "MONTH_FIRST") return monthFirst;
    return fail({
      ok: false,
      problem: `"${memberText(written)}" could be ${dayFirst} or ${monthFirst}. Write the month as a word, like "${dayFirst}".`,
      question: { written, dayFirst, monthFirst },
    });
  });
  return failure ?? { ok: true, text: spelled };
}
