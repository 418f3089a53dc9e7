/** `notify <kind> <on|off>`: switch one kind of reminder on or off. */
import { memberText } from "../member-text.ts";
import { isNotificationKind, NOTIFICATION_KIND_NAMES, NOTIFICATION_KINDS } from "../notification-kinds.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";

export const notifyCommand = defineCommand({
  name: "notify",
  group: "settings",
  summary: "Turn one kind of reminder on or off",
  args: [
    { name: "kind", kind: "word", required: true, description: NOTIFICATION_KIND_NAMES.join(", ") },
    { name: "switch", kind: "word", required: true, description: "on or off" },
  ],
  examples: ["notify practice off", "notify prep on"],
  shows: {
    label: "Reminders switched off (notify)",
    show: (member) => (member.optOuts.length > 0 ? member.optOuts.join(", ") : "none"),
  },
  async handler(ctx, { kind, switch: onOff }) {
    const name = kind.toLowerCase();
    if (!isNotificationKind(name)) {
      return refusal(
        "unknown-reminder-kind",
        `There's no reminder called "${memberText(kind)}". Kinds: ${NOTIFICATION_KIND_NAMES.join(", ")}.`,
      );
    }
    const value = onOff.toLowerCase();
    if (value !== "on" && value !== "off")
      return refusal("bad-arguments", `Say "on" or "off", not "${memberText(onOff)}".`);
    const others = ctx.member.optOuts.filter((optOut) => optOut !== name);
    await ctx.repo.updateMember(ctx.member.id, { optOuts: value === "off" ? [...others, name] : others });
    return outcome("reminder-switched", reply(`${NOTIFICATION_KINDS[name].description}: ${value}.`));
  },
});
