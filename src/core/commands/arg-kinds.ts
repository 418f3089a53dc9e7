/** The kinds of command arguments: how each is read from text, validated and described to platforms. */

import { z } from "zod";
import { parseTimeOfDay, parseWhen } from "../grammar/dates.ts";
import type { DateOrderQuestion } from "../grammar/numeric-dates.ts";
import { memberText } from "../member-text.ts";
import { type DateOrder, SHARING_LEVELS, type Sharing, type Stage } from "../model.ts";
import { invisibleOnly, normaliseName, normaliseText } from "../names.ts";
import { formatClock } from "../time.ts";
import { resolveZoneName } from "../zone-names.ts";
import { parseStage, stageChoices } from "./stages.ts";

export interface ParseContext {
  now: Date;
  timeZone: string;
  /** How the member writes 3/12, when known (their choice, or their platform's locale). */
  dateOrder?: DateOrder | null;
}

/** A value, or why the text is not one; `question` when the text reads two ways and the member can pick. */
export type ArgResult<T> = { ok: true; value: T } | { ok: false; problem: string; question?: DateOrderQuestion };

export interface QuietSetting {
  start: number | null;
  end: number | null;
}

/** The value type each kind produces. */
export interface KindValue {
  company: string;
  text: string;
  word: string;
  stage: Stage;
  when: { at: Date; hasTime: boolean };
  rating: number;
  timezone: string;
  quiet: QuietSetting;
  share: Sharing;
  days: number;
  gapNumber: number;
  roundNumber: number;
  applicationField: ApplicationField;
  roundField: RoundField;
  channel: string;
  dateOrder: DateOrder;
}

/** The parts of an application `edit` corrects. */
export const APPLICATION_FIELDS = ["company", "role", "link", "source", "applied"] as const;
export type ApplicationField = (typeof APPLICATION_FIELDS)[number];

/** The parts of a round `round-edit` corrects. */
export const ROUND_FIELDS = ["stage", "when"] as const;
export type RoundField = (typeof ROUND_FIELDS)[number];
export type ArgKind = keyof KindValue;

export const MAX_COMPANY_LENGTH = 100;
export const MAX_TEXT_LENGTH = 2000;

// Control characters (other than tab/newline in free text) break rendering on every platform. Direction controls
// and zero-width characters are taken out by normalising (src/core/names.ts) before this is checked.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Text as `normalise` keeps it, refused when empty, only invisible characters, too long or holding control characters. */
function boundedText(label: string, max: number, normalise: (text: string) => string) {
  return z
    .string()
    .trim()
    .min(1, `The ${label} can't be empty.`)
    .refine((value) => normaliseName(value).length > 0, invisibleOnly(label))
    .transform(normalise)
    .pipe(
      z
        .string()
        .max(max, `The ${label} is too long (${max} characters at most).`)
        .refine((value) => !CONTROL.test(value), `The ${label} contains control characters I can't store.`),
    );
}

function fromZod<T>(schema: z.ZodType<T, string>, raw: string): ArgResult<T> {
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: parsed.error.issues[0]?.message ?? "" };
}

function integerIn(label: string, min: number, max: number) {
  return (raw: string): ArgResult<number> => {
    const value = /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    if (Number.isInteger(value) && value >= min && value <= max) return { ok: true, value };
    return {
      ok: false,
      problem: `The ${label} should be a whole number from ${min} to ${max}, not "${memberText(raw)}".`,
    };
  };
}

const QUIET_PROBLEM = 'Quiet hours look like 21:00-08:00 or 9pm-7am (or "off")';
// The two ends: "21:00-08:00", "9pm - 7am", "22 to 7".
const RANGE = /^(.+?)\s*(?:-|–|—|\bto\b|\buntil\b)\s*(.+)$/;

function parseQuiet(raw: string): ArgResult<QuietSetting> {
  const text = raw.trim().toLowerCase();
  if (text === "off" || text === "none") return { ok: true, value: { start: null, end: null } };
  const [, from, to] = RANGE.exec(text) ?? [];
  const start = from === undefined ? null : parseTimeOfDay(from);
  const end = to === undefined ? null : parseTimeOfDay(to);
  if (start === null || end === null) return { ok: false, problem: `${QUIET_PROBLEM}, not "${memberText(raw)}".` };
  if (start === end)
    return { ok: false, problem: `${QUIET_PROBLEM}: "${memberText(raw)}" starts and ends at the same time.` };
  return { ok: true, value: { start, end } };
}

// "7", "7 days", "2 weeks", "a week", "10d", "2w".
const DURATION = /^(\d{1,6}|an?|one)\s*(d|days?|w|wks?|weeks?)?$/;

function parseDays(raw: string): ArgResult<number> {
  const [, count, unit] = DURATION.exec(raw.trim().toLowerCase()) ?? [];
  const days =
    count === undefined ? Number.NaN : (/^\d/.test(count) ? Number(count) : 1) * (unit?.startsWith("w") ? 7 : 1);
  if (days >= 1 && days <= 365) return { ok: true, value: days };
  return {
    ok: false,
    problem: `The number of days should be a whole number from 1 to 365, not "${memberText(raw)}". Weeks work too: "2 weeks".`,
  };
}

function parseShare(raw: string): ArgResult<Sharing> {
  const value = raw.trim().toUpperCase();
  const level = SHARING_LEVELS.find((candidate) => candidate === value || `${candidate}LY` === value);
  return level
    ? { ok: true, value: level }
    : { ok: false, problem: `Sharing is "on", "off", "company" or "anonymous", not "${memberText(raw)}".` };
}

// Slack writes <#C123|name>, Discord <#123>; a bare id or #name is taken as it is.
function parseChannel(raw: string): ArgResult<string> {
  const mention = /^<#([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(raw.trim());
  const value = mention?.[1] ?? raw.trim().replace(/^#/, "");
  if (/^[\w-]{1,80}$/.test(value)) return { ok: true, value };
  return { ok: false, problem: `"${memberText(raw)}" doesn't look like a channel. Mention it, like #job-hunt.` };
}

function parseDateOrder(raw: string): ArgResult<DateOrder> {
  const word = raw
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-");
  if (["day-first", "day", "dmy", "dd/mm"].includes(word)) return { ok: true, value: "DAY_FIRST" };
  if (["month-first", "month", "mdy", "mm/dd"].includes(word)) return { ok: true, value: "MONTH_FIRST" };
  return {
    ok: false,
    problem: `Dates are "day-first" (3/12 is 3 December) or "month-first" (March 12), not "${memberText(raw)}".`,
  };
}

/** One of `fields`, typed in any case. */
function oneOf<F extends string>(fields: readonly F[]) {
  return (raw: string): ArgResult<F> => {
    const field = fields.find((candidate) => candidate === raw.trim().toLowerCase());
    if (field) return { ok: true, value: field };
    return { ok: false, problem: `I can't change "${memberText(raw)}" there. Pick one of: ${fields.join(", ")}.` };
  };
}

const asChoices = (fields: readonly string[]) => fields.map((field) => ({ label: field, value: field }));

export interface KindDefinition<K extends ArgKind> {
  parse(raw: string, context: ParseContext): ArgResult<KindValue[K]>;
  /** Fixed choices, when the kind has them (Discord renders a picker). */
  choices?: readonly { label: string; value: string }[];
}

export const ARG_KINDS: { [K in ArgKind]: KindDefinition<K> } = {
  company: { parse: (raw) => fromZod(boundedText("company name", MAX_COMPANY_LENGTH, normaliseName), raw) },
  text: { parse: (raw) => fromZod(boundedText("text", MAX_TEXT_LENGTH, normaliseText), raw) },
  word: { parse: (raw) => fromZod(boundedText("value", 100, normaliseName), raw) },
  stage: { parse: (raw) => parseStage(raw), choices: stageChoices() },
  when: {
    parse(raw, context) {
      const text = fromZod(boundedText("date", 100, normaliseName), raw);
      if (!text.ok) return text;
      const when = parseWhen(text.value, context.now, context.timeZone, context.dateOrder ?? null);
      return when.ok ? { ok: true, value: { at: when.at, hasTime: when.hasTime } } : when;
    },
  },
  rating: { parse: integerIn("rating", 1, 5) },
  timezone: {
    parse(raw) {
      const zone = resolveZoneName(raw);
      return zone
        ? { ok: true, value: zone }
        : {
            ok: false,
            problem: `I don't know the timezone "${memberText(raw)}". Use a city or a zone name, like Berlin, New York or Europe/Berlin.`,
          };
    },
  },
  quiet: { parse: parseQuiet },
  share: {
    parse: parseShare,
    choices: [
      { label: "on (wins shared, no company)", value: "on" },
      { label: "company (wins shared with company)", value: "company" },
      { label: "off (nothing shared)", value: "off" },
    ],
  },
  days: { parse: parseDays },
  gapNumber: { parse: integerIn("gap number", 1, 100_000) },
  roundNumber: { parse: integerIn("round number", 1, 1000) },
  applicationField: { parse: oneOf(APPLICATION_FIELDS), choices: asChoices(APPLICATION_FIELDS) },
  roundField: { parse: oneOf(ROUND_FIELDS), choices: asChoices(ROUND_FIELDS) },
  channel: { parse: parseChannel },
  dateOrder: {
    parse: parseDateOrder,
    choices: [
      { label: "day first (3/12 is 3 December)", value: "day-first" },
      { label: "month first (3/12 is March 12)", value: "month-first" },
    ],
  },
};

/** Parses one raw value as `kind`. */
export function parseArg<K extends ArgKind>(kind: K, raw: string, context: ParseContext): ArgResult<KindValue[K]> {
  return (ARG_KINDS[kind] as KindDefinition<K>).parse(raw, context);
}

/** Quiet hours for display, e.g. "21:00-08:00". */
export function describeQuiet(quiet: QuietSetting): string {
  return quiet.start === null || quiet.end === null ? "off" : `${formatClock(quiet.start)}-${formatClock(quiet.end)}`;
}
