/** How a member writes 3/12: their own choice, else what their platform's locale suggests, else one question with two buttons. */
import type { DateOrderQuestion } from "./grammar/numeric-dates.ts";
import type { DateOrder } from "./model.ts";
import { type CommandResult, outcome, reply } from "./outcomes.ts";

/** The last word of a command line that answers the question: read this line's dates in that order, and remember it. */
export const DATE_ORDER_FLAGS: Readonly<Record<DateOrder, string>> = {
  DAY_FIRST: "--day-first",
  MONTH_FIRST: "--month-first",
};

/** Splits a date-order answer off a command's words: `round Acme screen 12/03 --day-first`. */
export function takeDateOrder(words: readonly string[]): { words: string[]; chosen: DateOrder | null } {
  const last = words.at(-1)?.toLowerCase();
  const chosen = (Object.keys(DATE_ORDER_FLAGS) as DateOrder[]).find((order) => DATE_ORDER_FLAGS[order] === last);
  return { words: chosen ? words.slice(0, -1) : [...words], chosen: chosen ?? null };
}

// Where people write the month first: the United States (and US Spanish), the Philippines, and the languages that
// write year-month-day (Japanese, Chinese, Korean), whose day and month alone come month first too.
const MONTH_FIRST_LOCALES = /^(?:en-us|es-us|en-ph|fil|ja|zh|ko)(?:[-_]|$)/i;

/**
 * The order a platform locale suggests ("en-US" month first; "en-GB", "de-DE", "fr" day first), or null when there
 * is no locale or it names a language alone that both orders share ("en").
 */
export function orderFromLocale(locale: string | null | undefined): DateOrder | null {
  if (!locale) return null;
  if (MONTH_FIRST_LOCALES.test(locale)) return "MONTH_FIRST";
  return /^en$/i.test(locale) ? null : "DAY_FIRST";
}

/** The order a command's dates are read in: an answer on the line wins, then the member's choice, then the locale. */
export function effectiveDateOrder(
  chosen: DateOrder | null,
  memberOrder: DateOrder | null | undefined,
  locale: string | null | undefined,
): DateOrder | null {
  return chosen ?? memberOrder ?? orderFromLocale(locale);
}

/** The question asked once: which reading of `written` the member meant; each button reruns `line` with the answer. */
export function askDateOrder(line: string, question: DateOrderQuestion): CommandResult {
  const { written, dayFirst, monthFirst } = question;
  return outcome(
    "date-order-question",
    reply(`Quick check: by ${written}, do you mean ${dayFirst} or ${monthFirst}? Tap one and I'll remember.`, {
      buttons: [
        { actionId: "dates.day-first", label: dayFirst, command: `${line} ${DATE_ORDER_FLAGS.DAY_FIRST}` },
        { actionId: "dates.month-first", label: monthFirst, command: `${line} ${DATE_ORDER_FLAGS.MONTH_FIRST}` },
      ],
    }),
  );
}

/** Said after the answered command's own reply, once the order is remembered. */
export function rememberedOrder(order: DateOrder): string {
  const [how, other] = order === "DAY_FIRST" ? ["day first", "month-first"] : ["month first", "day-first"];
  return `I'll read dates like 3/12 ${how} from now on; \`dates ${other}\` changes that.`;
}
