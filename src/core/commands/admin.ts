/** `admin <setting> <value>`: workspace settings (celebration channel, default timezone, chase timing, weekly post). */

import { memberText } from "../member-text.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import type { WorkspacePatch } from "../ports.ts";
import { type ArgResult, parseArg } from "./arg-kinds.ts";
import { defineCommand } from "./spec.ts";

type Setting = { describe: string; read(raw: string, now: Date): ArgResult<WorkspacePatch> };

const SETTINGS: Record<string, Setting> = {
  channel: {
    describe: "the team channel where wins are celebrated",
    read: (raw, now) => mapped(parseArg("channel", raw, { now, timeZone: "UTC" }), (v) => ({ celebrationChannel: v })),
  },
  timezone: {
    describe: "the default timezone for members who set none",
    read: (raw, now) => mapped(parseArg("timezone", raw, { now, timeZone: "UTC" }), (v) => ({ defaultTimezone: v })),
  },
  "chase-days": {
    describe: "days after a rejection before offering a feedback request",
    read: (raw, now) => mapped(parseArg("days", raw, { now, timeZone: "UTC" }), (v) => ({ feedbackChaseDays: v })),
  },
  "silence-days": {
    describe: "days without news before suggesting a check-in",
    read: (raw, now) => mapped(parseArg("days", raw, { now, timeZone: "UTC" }), (v) => ({ silenceDays: v })),
  },
  weekly: {
    describe: "the Monday encouragement in the team channel (on or off)",
    read(raw) {
      const word = raw.trim().toLowerCase();
      if (word === "on" || word === "off") return { ok: true, value: { weeklyEncouragement: word === "on" } };
      return { ok: false, problem: 'Weekly encouragement is "on" or "off".' };
    },
  },
  "weekly-day": {
    describe: "the day of the weekly encouragement (workspace time)",
    read: (raw) => mapped(weekday(raw), (v) => ({ weeklyDay: v })),
  },
  "weekly-hour": {
    describe: "the hour of the weekly encouragement, 0-23",
    read: (raw) => mapped(hour(raw), (v) => ({ weeklyHour: v })),
  },
  "digest-day": {
    describe: "the day of the weekly digest of wins (workspace time)",
    read: (raw) => mapped(weekday(raw), (v) => ({ digestDay: v })),
  },
  "digest-hour": {
    describe: "the hour of the weekly digest, 0-23",
    read: (raw) => mapped(hour(raw), (v) => ({ digestHour: v })),
  },
  "undo-window": {
    describe: "minutes a celebration waits before it is posted, so a member can still undo it (0-60)",
    read: (raw) => mapped(minutes(raw), (v) => ({ undoWindowMinutes: v })),
  },
};

const CHANNEL_PROBLEMS = {
  elsewhere:
    "I can't find that channel in this workspace, so the setting stays as it was. Pick one of this team's channels by typing # and choosing it, like #job-hunt.",
  unknown: "I couldn't check that channel just now, so the setting stays as it was. Please try again in a moment.",
} as const;

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

function weekday(raw: string): ArgResult<number> {
  const word = raw.trim().toLowerCase();
  const index = WEEKDAYS.findIndex((day) => word.length >= 3 && day.startsWith(word));
  return index >= 0
    ? { ok: true, value: index }
    : { ok: false, problem: `"${memberText(raw)}" isn't a day of the week.` };
}

function hour(raw: string): ArgResult<number> {
  const value = /^\d{1,2}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  return value >= 0 && value <= 23
    ? { ok: true, value }
    : { ok: false, problem: `The hour is a number from 0 to 23, not "${memberText(raw)}".` };
}

function minutes(raw: string): ArgResult<number> {
  const value = /^\d{1,2}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  return value >= 0 && value <= 60
    ? { ok: true, value }
    : { ok: false, problem: `The undo window is a number of minutes from 0 to 60, not "${memberText(raw)}".` };
}

function mapped<T>(result: ArgResult<T>, to: (value: T) => WorkspacePatch): ArgResult<WorkspacePatch> {
  return result.ok ? { ok: true, value: to(result.value) } : result;
}

export const adminCommand = defineCommand({
  name: "admin",
  group: "admin",
  summary: "Change workspace settings (admins only)",
  adminOnly: true,
  undoable: false,
  args: [
    { name: "setting", kind: "word", required: true, description: Object.keys(SETTINGS).join(", ") },
    { name: "value", kind: "word", required: true, description: "the new value" },
  ],
  examples: ["admin channel #job-hunt", "admin chase-days 4", "admin weekly off", "admin undo-window 5"],
  shortcuts: [
    {
      name: "channel",
      summary: "Set the team channel where wins are celebrated (admins only)",
      given: { setting: "channel" },
      args: [{ name: "channel", kind: "channel", required: true, description: "a channel of this team" }],
    },
  ],
  async handler(ctx, { setting, value }) {
    const entry = Object.hasOwn(SETTINGS, setting.toLowerCase()) ? SETTINGS[setting.toLowerCase()] : undefined;
    if (!entry) {
      const known = Object.entries(SETTINGS).map(([name, { describe }]) => `\`${name}\`: ${describe}`);
      return refusal("unknown-workspace-setting", `There's no workspace setting "${memberText(setting)}".`, undefined, {
        items: known,
      });
    }
    const patch = entry.read(value, ctx.now);
    if (!patch.ok) return refusal("bad-arguments", patch.problem);
    const { celebrationChannel } = patch.value;
    if (celebrationChannel) {
      // One bot serves many workspaces: a channel id from elsewhere would post this team's wins to strangers.
      const verdict = await ctx.channelVerdict(celebrationChannel);
      if (verdict !== "here") return refusal("channel-not-in-workspace", CHANNEL_PROBLEMS[verdict]);
    }
    await ctx.repo.updateWorkspace(patch.value);
    return outcome(
      "workspace-setting-changed",
      reply(`Workspace setting \`${setting.toLowerCase()}\` is now ${value}: ${entry.describe}.`),
    );
  },
});
