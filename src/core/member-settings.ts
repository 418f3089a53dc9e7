/** The settings a member controls and the values a new member starts with: the memory twin and a database test read these defaults. */
import type { DateOrder, Sharing } from "./model.ts";

export interface MemberSettings {
  /** IANA zone; null means the workspace default. */
  timezone: string | null;
  /** Quiet hours as minutes after local midnight; both null means none. */
  quietStart: number | null;
  quietEnd: number | null;
  /** How much of the member's wins the team channel may see; null until they answer the question their first win asks. */
  sharing: Sharing | null;
  /** Non-urgent messages wait until this moment. */
  pausedUntil: Date | null;
  /** Message kinds the member opted out of (see notification-kinds.ts). */
  optOuts: string[];
  /** How the member writes 3/12; null until they choose (the platform's locale may suggest one meanwhile). */
  dateOrder: DateOrder | null;
}

/** A new member's settings; schema.prisma gives the columns the same defaults (test/db/member-defaults.test.ts). */
export const MEMBER_SETTING_DEFAULTS: Readonly<MemberSettings> = Object.freeze({
  timezone: null,
  quietStart: 21 * 60,
  quietEnd: 8 * 60,
  sharing: null,
  pausedUntil: null,
  optOuts: [],
  dateOrder: null,
});

/** A fresh copy of the defaults, safe to store. */
export function defaultMemberSettings(): MemberSettings {
  return { ...MEMBER_SETTING_DEFAULTS, optOuts: [...MEMBER_SETTING_DEFAULTS.optOuts] };
}
