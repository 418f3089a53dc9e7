/** The kinds of direct message a member can switch off with `notify <kind> off`: one list for `notify`, the jobs and the docs. */

export const NOTIFICATION_KINDS = {
  "feedback-chase": { description: "feedback request offers after a rejection", cheerful: false },
  "check-in": { description: "nudges when a company has gone quiet", cheerful: true },
  prep: { description: "prep reminders the evening before a round", cheerful: false },
  reflection: { description: "how-did-it-go prompts after a round", cheerful: false },
  practice: { description: "weekly practice nudges for your gaps", cheerful: true },
} as const satisfies Record<string, { description: string; cheerful: boolean }>;

export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

/** Every kind, in the table's order. */
export const NOTIFICATION_KIND_NAMES = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

/** Whether `name` is one of the kinds. */
export function isNotificationKind(name: string): name is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, name);
}
