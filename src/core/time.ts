/** Wall-clock arithmetic in IANA timezones, with no library: local parts, local-to-UTC and quiet hours. */

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      weekday: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows this IANA zone name. */
export function isValidTimezone(timeZone: string): boolean {
  if (!timeZone || timeZone.length > 64) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The reading as Intl formats it: exact, but several microseconds a call. */
function formattedParts(at: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(at)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? "Sun"),
  };
}

/**
 * Zones change offset only at instants that are whole multiples of 15 minutes (every offset in use is), so an
 * offset read once holds for its whole quarter-hour: a job composing thousands of messages formats once per zone.
 */
const QUARTER_MS = 15 * 60_000;
const offsets = new Map<string, number>();
const MAX_CACHED_OFFSETS = 50_000;

/** Minutes `timeZone` is ahead of UTC at `at` (negative west of Greenwich). */
export function offsetMinutes(at: Date, timeZone: string): number {
  const quarter = Math.floor(at.getTime() / QUARTER_MS);
  const key = `${timeZone} ${quarter}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = new Date(quarter * QUARTER_MS);
    const p = formattedParts(start, timeZone);
    offset = Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - start.getTime()) / 60_000);
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

/** The calendar and clock reading of `at` in `timeZone`. */
export function localParts(at: Date, timeZone: string): LocalParts {
  const local = new Date(at.getTime() + offsetMinutes(at, timeZone) * 60_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay(),
  };
}

/**
 * The instant when clocks in `timeZone` read this wall time. A repeated hour (DST ends) resolves to its first
 * occurrence; a skipped one (DST starts) moves forward by the length of the jump, as Temporal's "compatible" does.
 */
export function zonedTimeToUtc(
  wall: { year: number; month: number; day: number; hour: number; minute: number },
  timeZone: string,
): Date {
  const naive = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  // The offsets a day either side bracket any transition near this wall time.
  const before = naive - offsetMinutes(new Date(naive - 86_400_000), timeZone) * 60_000;
  const after = naive - offsetMinutes(new Date(naive + 86_400_000), timeZone) * 60_000;
  const matches = [before, after].filter((candidate) => {
    const local = localParts(new Date(candidate), timeZone);
    return local.day === wall.day && local.hour === wall.hour && local.minute === wall.minute;
  });
  return new Date(matches.length > 0 ? Math.min(...matches) : before);
}

/** Adds whole calendar days to a wall date (handles month and year ends). */
export function addLocalDays(
  wall: { year: number; month: number; day: number },
  days: number,
): { year: number; month: number; day: number } {
  const d = new Date(Date.UTC(wall.year, wall.month - 1, wall.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** Quiet hours as minutes after local midnight; a window may wrap midnight (21:00-08:00). */
export interface QuietHours {
  start: number | null;
  end: number | null;
}

/** True when local time at `at` falls inside the quiet window. */
export function isQuiet(at: Date, timeZone: string, quiet: QuietHours): boolean {
  if (quiet.start === null || quiet.end === null || quiet.start === quiet.end) return false;
  const p = localParts(at, timeZone);
  const minute = p.hour * 60 + p.minute;
  return quiet.start < quiet.end
    ? minute >= quiet.start && minute < quiet.end
    : minute >= quiet.start || minute < quiet.end;
}

/** `at` itself, or the end of the quiet window it falls in: messages wait for the morning, they are not dropped. */
export function nextAllowedTime(at: Date, timeZone: string, quiet: QuietHours): Date {
  if (!isQuiet(at, timeZone, quiet) || quiet.end === null) return at;
  const p = localParts(at, timeZone);
  const minute = p.hour * 60 + p.minute;
  const endDay = minute >= quiet.end ? addLocalDays(p, 1) : p;
  return zonedTimeToUtc({ ...endDay, hour: Math.floor(quiet.end / 60), minute: quiet.end % 60 }, timeZone);
}

/** "HH:MM" → minutes after midnight, or null when malformed. */
export function parseClock(text: string): number | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** Minutes after midnight → "HH:MM". */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * The one reading of a day the bot writes, in the member's zone: "Thu 3 Dec 2026". Composed by hand rather than by
 * Intl so it reads the same on every runtime, and the year is always there: "3/12" once typed is never a guess.
 */
export function formatLocalDay(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${WEEKDAYS[p.weekday]} ${p.day} ${MONTH_NAMES[p.month - 1]} ${p.year}`;
}

/** The one reading of a moment the bot writes, in the member's zone: "Thu 3 Dec 2026, 14:00". */
export function formatLocal(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${formatLocalDay(at, timeZone)}, ${formatClock(p.hour * 60 + p.minute)}`;
}
