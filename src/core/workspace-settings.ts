/** The settings a workspace's admins control and the values a new workspace starts with: the memory twin and a database test read these defaults. */

export interface WorkspaceSettings {
  /** Where wins are celebrated; null until an admin sets it. */
  celebrationChannel: string | null;
  /** IANA zone used for members who have not set their own. */
  defaultTimezone: string;
  /** Days after a rejection before the feedback chase. */
  feedbackChaseDays: number;
  /** Days without news before a check-in nudge. */
  silenceDays: number;
  /** Whether the weekly encouragement is posted in the team channel. */
  weeklyEncouragement: boolean;
  /** When the weekly encouragement is posted: weekday (0 = Sunday) and hour, workspace time. */
  weeklyDay: number;
  weeklyHour: number;
  /** When the weekly digest is posted: weekday (0 = Sunday) and hour, workspace time. */
  digestDay: number;
  digestHour: number;
  /** Minutes a celebration waits before it is posted, so the member can still undo it. */
  undoWindowMinutes: number;
}

/** A new workspace's settings (the platform may give another zone); schema.prisma gives the columns the same defaults. */
export const WORKSPACE_SETTING_DEFAULTS: Readonly<WorkspaceSettings> = Object.freeze({
  celebrationChannel: null,
  defaultTimezone: "UTC",
  feedbackChaseDays: 3,
  silenceDays: 10,
  weeklyEncouragement: true,
  weeklyDay: 1,
  weeklyHour: 9,
  digestDay: 5,
  digestHour: 16,
  undoWindowMinutes: 2,
});
