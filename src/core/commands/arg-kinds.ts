/** The kinds of command arguments: how each is read from text, validated and described to platforms. */

import { z } from "zod";
import { parseWhen } from "../grammar/dates.ts";
import { SHARING_LEVELS, type Sharing, type Stage } from "../model.ts";
import { formatClock, parseClock } from "../time.ts";
import { resolveZoneName } from "../zone-names.ts";
import { parseStage, stageChoices } from "./stages.ts";

export interface ParseContext {
  now: Date;
  timeZone: string;
}

export type ArgResult<T> = { ok: true; value: T } | { ok: false; problem: string };

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

// Control characters (other than tab/newline in free text) break rendering on every platform.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;

function boundedText(label: string, max: number) {
  return z
    .string()
    .trim()
    .min(1, `The ${label} can't be empty.`)
    .max(max, `The ${label} is too long (${max} characters at most).`)
    .refine((value) => !CONTROL.test(value), `The ${label} contains control characters I can't store.`);
}

function fromZod<T>(schema: z.ZodType<T>, raw: string): ArgResult<T> {
  const parsed = schema.safeParse(raw);
  return parsed.success
    ? { ok: true, value: parsed.data }
    : { ok: false, problem: parsed.error.issues[0]?.message ?? "" };
}

function integerIn(label: string, min: number, max: number) {
  return (raw: string): ArgResult<number> => {
    const value = /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
    if (Number.isInteger(value) && value >= min && value <= max) return { ok: true, value };
    return { ok: false, problem: `The ${label} should be a whole number from ${min} to ${max}, not "${raw}".` };
  };
}

function parseQuiet(raw: string): ArgResult<QuietSetting> {
  const text = raw.trim().toLowerCase();
  if (text === "off" || text === "none") return { ok: true, value: { start: null, end: null } };
  const [from, to, ...more] = text.split("-");
  const start = from === undefined ? null : parseClock(from);
  const end = to === undefined ? null : parseClock(to);
  if (more.length > 0 || start === null || end === null || start === end) {
    return { ok: false, problem: `Quiet hours look like 21:00-08:00 (or "off"), not "${raw}".` };
  }
  return { ok: true, value: { start, end } };
}

function parseShare(raw: string): ArgResult<Sharing> {
  const value = raw.trim().toUpperCase();
  const level = SHARING_LEVELS.find((candidate) => candidate === value);
  return level
    ? { ok: true, value: level }
    : { ok: false, problem: `Sharing is "on", "off" or "company", not "${raw}".` };
}

// Slack writes <#C123|name>, Discord <#123>; a bare id or #name is taken as it is.
function parseChannel(raw: string): ArgResult<string> {
  const mention = /^<#([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(raw.trim());
  const value = mention?.[1] ?? raw.trim().replace(/^#/, "");
  if (/^[\w-]{1,80}$/.test(value)) return { ok: true, value };
  return { ok: false, problem: `"${raw}" doesn't look like a channel. Mention it, like #job-hunt.` };
}

/** One of `fields`, typed in any case. */
function oneOf<F extends string>(fields: readonly F[]) {
  return (raw: string): ArgResult<F> => {
    const field = fields.find((candidate) => candidate === raw.trim().toLowerCase());
    if (field) return { ok: true, value: field };
    return { ok: false, problem: `I can't change "${raw}" there. Pick one of: ${fields.join(", ")}.` };
  };
}

const asChoices = (fields: readonly string[]) => fields.map((field) => ({ label: field, value: field }));

export interface KindDefinition<K extends ArgKind> {
  parse(raw: string, context: ParseContext): ArgResult<KindValue[K]>;
  /** Fixed choices, when the kind has them (Discord renders a picker). */
  choices?: readonly { label: string; value: string }[];
}

export const ARG_KINDS: { [K in ArgKind]: KindDefinition<K> } = {
  company: { parse: (raw) => fromZod(boundedText("company name", MAX_COMPANY_LENGTH), raw) },
  text: { parse: (raw) => fromZod(boundedText("text", MAX_TEXT_LENGTH), raw) },
  word: { parse: (raw) => fromZod(boundedText("value", 100), raw) },
  stage: { parse: (raw) => parseStage(raw), choices: stageChoices() },
  when: {
    parse(raw, context) {
      const text = fromZod(boundedText("date", 100), raw);
      if (!text.ok) return text;
      const when = parseWhen(text.value, context.now, context.timeZone);
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
            problem: `I don't know the timezone "${raw}". Use a city or a zone name, like Berlin, New York or Europe/Berlin.`,
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
  days: { parse: integerIn("number of days", 1, 365) },
  gapNumber: { parse: integerIn("gap number", 1, 100_000) },
  roundNumber: { parse: integerIn("round number", 1, 1000) },
  applicationField: { parse: oneOf(APPLICATION_FIELDS), choices: asChoices(APPLICATION_FIELDS) },
  roundField: { parse: oneOf(ROUND_FIELDS), choices: asChoices(ROUND_FIELDS) },
  channel: { parse: parseChannel },
};

/** Parses one raw value as `kind`. */
export function parseArg<K extends ArgKind>(kind: K, raw: string, context: ParseContext): ArgResult<KindValue[K]> {
  return (ARG_KINDS[kind] as KindDefinition<K>).parse(raw, context);
}

/** Quiet hours for display. */
export function describeQuiet(quiet: QuietSetting): string {
  return quiet.start === null || quiet.end === null ? "off" : `${formatClock(quiet.start)}-${formatClock(quiet.end)}`;
}
