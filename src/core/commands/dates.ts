/** `dates <day-first|month-first>`: how the member writes dates like 3/12, so they are never read the other way. */
import type { DateOrder } from "../model.ts";
import { outcome, reply } from "../outcomes.ts";
import { defineCommand } from "./spec.ts";

const READINGS: Record<DateOrder, string> = {
  DAY_FIRST: "day first: 3/12 is 3 December",
  MONTH_FIRST: "month first: 3/12 is March 12",
};

export const datesCommand = defineCommand({
  name: "dates",
  group: "settings",
  summary: "Say how you write dates like 3/12: day first or month first",
  args: [
    { name: "order", kind: "dateOrder", required: true, description: "day-first (3/12 is 3 December) or month-first" },
  ],
  examples: ["dates day-first", "dates month-first"],
  shows: {
    label: "Dates (dates)",
    show: (member) => (member.dateOrder ? READINGS[member.dateOrder] : "not set: I ask when 3/12 could be either"),
  },
  async handler(ctx, { order }) {
    await ctx.repo.updateMember(ctx.member.id, { dateOrder: order });
    return outcome(
      "date-order-set",
      reply(`Got it: ${READINGS[order]}. Dates with dots, like 3.12.2026, are always day first.`),
    );
  },
});
