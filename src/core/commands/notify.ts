/** `notify <kind> <on|off>`: switch one kind of reminder on or off. */
import { outcome, refusal, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";

/** Reminder kinds a member may switch off, with what each is. Job kinds use the same names. */
export const REMINDER_KINDS: Record<string, string> = {
  "feedback-chase": "feedback request offers after a rejection",
  "check-in": "nudges when a company has gone quiet",
  prep: "prep reminders the evening before a round",
  reflection: "how-did-it-go prompts after a round",
  practice: "weekly practice nudges for your gaps",
};

export const notifyCommand = defineCommand({
  name: "notify",
  group: "settings",
  summary: "Turn one kind of reminder on or off",
  args: [
    { name: "kind", kind: "word", required: true, description: Object.keys(REMINDER_KINDS).join(", ") },
    { name: "switch", kind: "word", required: true, description: "on or off" },
  ],
  examples: ["notify practice off", "notify prep on"],
  async handler(ctx, { kind, switch: onOff }) {
    const name = kind.toLowerCase();
    if (!Object.hasOwn(REMINDER_KINDS, name)) {
      return refusal(
        "unknown-reminder-kind",
        `There's no reminder called "${kind}". Kinds: ${Object.keys(REMINDER_KINDS).join(", ")}.`,
      );
    }
    const value = onOff.toLowerCase();
    if (value !== "on" && value !== "off") return refusal("bad-arguments", `Say "on" or "off", not "${onOff}".`);
    const others = ctx.member.optOuts.filter((optOut) => optOut !== name);
    await ctx.repo.updateMember(ctx.member.id, { optOuts: value === "off" ? [...others, name] : others });
    return outcome("reminder-switched", reply(`${REMINDER_KINDS[name]}: ${value}.`));
  },
});
