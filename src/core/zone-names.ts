/** What people type for a timezone, read as the IANA zone they mean: an IANA name, a common abbreviation or a city. */
import { isValidTimezone } from "./time.ts";

/**
 * Abbreviations as people use them, for the zone that follows daylight saving as they do: "EST" means New York's
 * clock, not the fixed UTC-5 zone ICU calls America/Panama. Ambiguous ones (CST, IST) take the most common reading;
 * the reply shows the local time there, so a wrong guess is seen at once.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  ET: "America/New_York",
  EST: "America/New_York",
  EDT: "America/New_York",
  CT: "America/Chicago",
  CST: "America/Chicago",
  CDT: "America/Chicago",
  MT: "America/Denver",
  MST: "America/Denver",
  MDT: "America/Denver",
  PT: "America/Los_Angeles",
  PST: "America/Los_Angeles",
  PDT: "America/Los_Angeles",
  AKST: "America/Anchorage",
  HST: "Pacific/Honolulu",
  GMT: "Europe/London",
  BST: "Europe/London",
  WET: "Europe/Lisbon",
  CET: "Europe/Berlin",
  CEST: "Europe/Berlin",
  EET: "Europe/Athens",
  EEST: "Europe/Athens",
  MSK: "Europe/Moscow",
  IST: "Asia/Kolkata",
  SGT: "Asia/Singapore",
  HKT: "Asia/Hong_Kong",
  JST: "Asia/Tokyo",
  KST: "Asia/Seoul",
  AEST: "Australia/Sydney",
  AEDT: "Australia/Sydney",
  NZST: "Pacific/Auckland",
  NZDT: "Pacific/Auckland",
  UTC: "UTC",
};

/** "new york" → America/New_York: every zone's last part, spaces for underscores, lower-cased. */
let byCity: Map<string, string> | undefined;
function cities(): Map<string, string> {
  byCity ??= new Map(
    Intl.supportedValuesOf("timeZone").map((zone) => [cityKey(zone.split("/").at(-1) ?? zone), zone] as const),
  );
  return byCity;
}

const cityKey = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, " ");

/** The IANA zone `typed` means, under its canonical spelling, or null when it names none. */
export function resolveZoneName(typed: string): string | null {
  const text = typed.trim();
  const abbreviation = ABBREVIATIONS[text.toUpperCase()];
  if (abbreviation) return abbreviation;
  // A region/city name, checked before cities so "Europe/Berlin" in any case keeps its canonical spelling.
  if (text.includes("/") && isValidTimezone(text)) {
    return new Intl.DateTimeFormat("en", { timeZone: text }).resolvedOptions().timeZone;
  }
  return cities().get(cityKey(text)) ?? null;
}
