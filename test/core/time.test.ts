/** Wall-clock arithmetic: offsets, local-to-UTC across DST, quiet windows that wrap midnight and the date line. */
import { describe, expect, it } from "vitest";
import {
  addLocalDays,
  formatClock,
  isQuiet,
  isValidTimezone,
  localParts,
  nextAllowedTime,
  offsetMinutes,
  parseClock,
  type QuietHours,
  zonedTimeToUtc,
} from "../../src/core/time.ts";

const NIGHT: QuietHours = { start: 21 * 60, end: 8 * 60 };
const utc = (iso: string) => new Date(iso);

function wallIn(at: Date, zone: string): string {
  const p = localParts(at, zone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

describe("offsetMinutes", () => {
  it("GIVEN Berlin in winter and in summer WHEN asked THEN it is +60 then +120", () => {
    expect(offsetMinutes(utc("2026-01-15T12:00:00Z"), "Europe/Berlin")).toBe(60);
    expect(offsetMinutes(utc("2026-07-15T12:00:00Z"), "Europe/Berlin")).toBe(120);
  });

  it("GIVEN New York either side of its spring-forward instant WHEN asked THEN it is -300 then -240", () => {
    expect(offsetMinutes(utc("2026-03-08T06:59:00Z"), "America/New_York")).toBe(-300);
    expect(offsetMinutes(utc("2026-03-08T07:00:00Z"), "America/New_York")).toBe(-240);
  });

  it("GIVEN zones with half-hour and date-line offsets WHEN asked THEN the odd offsets come through", () => {
    expect(offsetMinutes(utc("2026-01-15T12:00:00Z"), "Asia/Kolkata")).toBe(330);
    expect(offsetMinutes(utc("2026-01-15T12:00:00Z"), "Pacific/Auckland")).toBe(780);
    expect(offsetMinutes(utc("2026-01-15T12:00:00Z"), "Pacific/Pago_Pago")).toBe(-660);
  });

  it("GIVEN an instant with seconds WHEN asked THEN the offset is still whole minutes", () => {
    expect(offsetMinutes(utc("2026-01-15T12:00:59.999Z"), "America/New_York")).toBe(-300);
  });
});

describe("zonedTimeToUtc", () => {
  it("GIVEN an ordinary wall time WHEN converted THEN it lands on the zone's offset for that date", () => {
    expect(zonedTimeToUtc({ year: 2026, month: 1, day: 15, hour: 9, minute: 0 }, "Europe/Berlin").toISOString()).toBe(
      "2026-01-15T08:00:00.000Z",
    );
    expect(zonedTimeToUtc({ year: 2026, month: 7, day: 15, hour: 9, minute: 0 }, "Europe/Berlin").toISOString()).toBe(
      "2026-07-15T07:00:00.000Z",
    );
    expect(
      zonedTimeToUtc({ year: 2026, month: 7, day: 15, hour: 9, minute: 0 }, "America/New_York").toISOString(),
    ).toBe("2026-07-15T13:00:00.000Z");
  });

  it("GIVEN the hour Berlin skips at spring-forward WHEN converted THEN it resolves just after the jump, an hour on", () => {
    const at = zonedTimeToUtc({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/Berlin");
    expect(at.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(wallIn(at, "Europe/Berlin")).toBe("2026-03-29 03:30");
  });

  it("GIVEN the hour New York skips at spring-forward WHEN converted THEN it resolves just after the jump, an hour on", () => {
    const at = zonedTimeToUtc({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "America/New_York");
    expect(at.toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(wallIn(at, "America/New_York")).toBe("2026-03-08 03:30");
  });

  it("GIVEN the hour New York repeats at fall-back WHEN converted THEN the first occurrence (EDT) is chosen", () => {
    const at = zonedTimeToUtc({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, "America/New_York");
    expect(at.toISOString()).toBe("2026-11-01T05:30:00.000Z");
  });

  // Documented in time.ts: "a repeated hour resolves to its first occurrence". East of Greenwich the first
  // guess already lands on the second occurrence and no second look is taken.
  it("GIVEN the hour Berlin repeats at fall-back WHEN converted THEN the first occurrence (CEST) is chosen", () => {
    const at = zonedTimeToUtc({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, "Europe/Berlin");
    expect(at.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("GIVEN every wall time that exists on the Berlin change days WHEN converted and read back THEN it round-trips", () => {
    for (const day of [29, 30]) {
      for (let hour = 0; hour < 24; hour++) {
        if (day === 29 && hour === 2) continue; // skipped hour
        const wall = { year: 2026, month: 3, day, hour, minute: 15 };
        const back = localParts(zonedTimeToUtc(wall, "Europe/Berlin"), "Europe/Berlin");
        expect({ day: back.day, hour: back.hour, minute: back.minute }).toEqual({ day, hour, minute: 15 });
      }
    }
  });
});

describe("addLocalDays", () => {
  it("GIVEN the end of a month and of a leap February WHEN a day is added THEN the calendar rolls over", () => {
    expect(addLocalDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addLocalDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
  });
});

describe("quiet hours", () => {
  it("GIVEN a 21:00-08:00 window WHEN checking around its edges THEN start is quiet and end is not", () => {
    const zone = "Europe/Berlin"; // +60 in January
    expect(isQuiet(utc("2026-01-15T19:59:00Z"), zone, NIGHT)).toBe(false); // 20:59
    expect(isQuiet(utc("2026-01-15T20:00:00Z"), zone, NIGHT)).toBe(true); // 21:00
    expect(isQuiet(utc("2026-01-15T23:30:00Z"), zone, NIGHT)).toBe(true); // 00:30 next day
    expect(isQuiet(utc("2026-01-16T06:59:00Z"), zone, NIGHT)).toBe(true); // 07:59
    expect(isQuiet(utc("2026-01-16T07:00:00Z"), zone, NIGHT)).toBe(false); // 08:00
  });

  it("GIVEN a window that does not wrap (13:00-14:00) WHEN checking THEN only the middle is quiet", () => {
    const lunch: QuietHours = { start: 13 * 60, end: 14 * 60 };
    expect(isQuiet(utc("2026-01-15T12:30:00Z"), "UTC", lunch)).toBe(false);
    expect(isQuiet(utc("2026-01-15T13:30:00Z"), "UTC", lunch)).toBe(true);
    expect(nextAllowedTime(utc("2026-01-15T13:30:00Z"), "UTC", lunch).toISOString()).toBe("2026-01-15T14:00:00.000Z");
  });

  it("GIVEN no window, or a zero-length one WHEN checking THEN nothing is ever quiet", () => {
    const midnight = utc("2026-01-15T23:00:00Z");
    expect(isQuiet(midnight, "UTC", { start: null, end: null })).toBe(false);
    expect(isQuiet(midnight, "UTC", { start: 600, end: 600 })).toBe(false);
    expect(nextAllowedTime(midnight, "UTC", { start: null, end: null })).toEqual(midnight);
  });

  it("GIVEN a time outside the window WHEN asking when to deliver THEN it is delivered at once", () => {
    const afternoon = utc("2026-01-15T15:00:00Z");
    expect(nextAllowedTime(afternoon, "America/New_York", NIGHT)).toEqual(afternoon);
  });

  it("GIVEN 23:00 local WHEN asking when to deliver THEN it waits for 08:00 the next local day", () => {
    // 23:00 in New York on 15 January is 04:00 UTC on the 16th; 08:00 on the 16th is 13:00 UTC.
    expect(nextAllowedTime(utc("2026-01-16T04:00:00Z"), "America/New_York", NIGHT).toISOString()).toBe(
      "2026-01-16T13:00:00.000Z",
    );
  });

  it("GIVEN 03:00 local, after midnight WHEN asking when to deliver THEN it waits for 08:00 the same local day", () => {
    expect(nextAllowedTime(utc("2026-01-16T08:00:00Z"), "America/New_York", NIGHT).toISOString()).toBe(
      "2026-01-16T13:00:00.000Z",
    );
  });

  it("GIVEN the New York spring-forward night WHEN a message is due at 01:00 EST THEN it waits for 08:00 EDT", () => {
    expect(nextAllowedTime(utc("2026-03-08T06:00:00Z"), "America/New_York", NIGHT).toISOString()).toBe(
      "2026-03-08T12:00:00.000Z",
    );
  });

  it("GIVEN the Berlin fall-back night WHEN a message is due at 23:00 CEST THEN it waits for 08:00 CET", () => {
    expect(nextAllowedTime(utc("2026-10-24T21:00:00Z"), "Europe/Berlin", NIGHT).toISOString()).toBe(
      "2026-10-25T07:00:00.000Z",
    );
  });

  it("GIVEN one instant that is 22:00 in both Auckland and Pago Pago, a calendar day apart WHEN asking THEN each waits for its own 08:00", () => {
    const instant = utc("2026-01-15T09:00:00Z");
    expect(wallIn(instant, "Pacific/Auckland")).toBe("2026-01-15 22:00");
    expect(wallIn(instant, "Pacific/Pago_Pago")).toBe("2026-01-14 22:00");
    const auckland = nextAllowedTime(instant, "Pacific/Auckland", NIGHT);
    const pagoPago = nextAllowedTime(instant, "Pacific/Pago_Pago", NIGHT);
    expect(wallIn(auckland, "Pacific/Auckland")).toBe("2026-01-16 08:00");
    expect(wallIn(pagoPago, "Pacific/Pago_Pago")).toBe("2026-01-15 08:00");
    // Twenty-four hours apart in offset, so the two mornings are the same instant.
    expect(auckland.toISOString()).toBe("2026-01-15T19:00:00.000Z");
    expect(pagoPago.toISOString()).toBe("2026-01-15T19:00:00.000Z");
  });

  it("GIVEN noon UTC, which is after midnight in Auckland but evening in Pago Pago WHEN checking THEN only Auckland is quiet", () => {
    const instant = utc("2026-01-15T12:00:00Z"); // 01:00 on the 16th in Auckland, 01:00 on the 15th in Pago Pago
    expect(isQuiet(instant, "Pacific/Auckland", NIGHT)).toBe(true);
    const evening: QuietHours = { start: 22 * 60, end: 6 * 60 };
    const earlier = utc("2026-01-15T07:30:00Z"); // 20:30 in Auckland (15th), 20:30 in Pago Pago (14th)
    expect(isQuiet(earlier, "Pacific/Auckland", evening)).toBe(false);
    expect(isQuiet(earlier, "Pacific/Pago_Pago", evening)).toBe(false);
    expect(isQuiet(utc("2026-01-15T09:30:00Z"), "Pacific/Pago_Pago", evening)).toBe(true); // 22:30
  });
});

describe("clock text and zone names", () => {
  it("GIVEN HH:MM strings WHEN parsed THEN valid ones become minutes and the rest null", () => {
    expect(parseClock("21:00")).toBe(1260);
    expect(parseClock("7:30")).toBe(450);
    expect(parseClock("24:00")).toBeNull();
    expect(parseClock("12:60")).toBeNull();
    expect(parseClock("noon")).toBeNull();
    expect(formatClock(450)).toBe("07:30");
  });

  it("GIVEN zone names WHEN validated THEN IANA names pass and made-up or oversized ones fail", () => {
    expect(isValidTimezone("Europe/Berlin")).toBe(true);
    expect(isValidTimezone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimezone("")).toBe(false);
    expect(isValidTimezone(`Europe/${"x".repeat(70)}`)).toBe(false);
  });
});

describe("local readings against Intl", () => {
  /** What Intl itself reads, field by field: the reference the cached offsets must agree with. */
  function intlParts(at: Date, timeZone: string) {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        weekday: "short",
      })
        .formatToParts(at)
        .map((part) => [part.type, part.value]),
    );
    return {
      year: Number(parts.year),
      month: Number(parts.month),
      day: Number(parts.day),
      hour: Number(parts.hour),
      minute: Number(parts.minute),
      weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(parts.weekday ?? ""),
    };
  }

  // Transitions in 2026: Berlin and New York, Lord Howe's half-hour shift, and zones a quarter or half hour off.
  const AROUND = [
    ["Europe/Berlin", "2026-10-25T01:00:00Z"],
    ["America/New_York", "2026-03-08T07:00:00Z"],
    ["Australia/Lord_Howe", "2026-04-04T15:00:00Z"],
    ["Asia/Kathmandu", "2026-06-01T00:00:00Z"],
    ["America/St_Johns", "2026-11-01T04:30:00Z"],
    ["Pacific/Chatham", "2026-04-04T14:00:00Z"],
  ] as const;

  it.each(
    AROUND,
  )("GIVEN %s WHEN read every 7 minutes for 6 hours around %s THEN every reading matches Intl's", (zone, at) => {
    const centre = Date.parse(at);
    for (let t = centre - 3 * 3_600_000; t <= centre + 3 * 3_600_000; t += 7 * 60_000 + 13_000) {
      expect(localParts(new Date(t), zone), new Date(t).toISOString()).toEqual(intlParts(new Date(t), zone));
    }
  });
});
