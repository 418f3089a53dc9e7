/** `help [command]`: built from the command table itself, so it can't drift from what the bot accepts. */
import { memberText } from "../member-text.ts";
import { outcome, refusal, reply } from "../outcomes.ts";
import { closest } from "../suggest.ts";
import { type Command, type CommandGroup, defineCommand, usageOf } from "./spec.ts";

const GROUP_TITLES: Record<CommandGroup, string> = {
  pipeline: "Your pipeline",
  corrections: "Corrections",
  feedback: "Feedback",
  metrics: "Your own metrics",
  views: "Views",
  settings: "Settings",
  data: "Your data",
  admin: "Admins",
};

export const helpCommand = defineCommand({
  name: "help",
  aliases: ["?", "commands"],
  group: "views",
  summary: "Show commands, or details of one",
  args: [{ name: "command", kind: "word", required: false, description: "a command name" }],
  examples: ["help", "help round"],
  readsOnly: true,
  async handler(ctx, { command }) {
    if (!command) return outcome("help-shown", overview(ctx.commands));
    const word = command.toLowerCase();
    const found = ctx.commands.find((candidate) => candidate.name === word || candidate.aliases?.includes(word));
    if (!found) {
      const near = closest(
        word,
        ctx.commands.map((candidate) => candidate.name),
      );
      return refusal(
        "help-topic-unknown",
        `There's no command "${memberText(command)}".${near[0] ? ` Did you mean \`${near[0]}\`?` : ""}`,
      );
    }
    return outcome("help-shown", details(found));
  },
});

/** One group of help's overview: its title and each command's usage and summary, in table order. */
export interface HelpGroup {
  title: string;
  commands: { usage: string; summary: string }[];
}

/** What `help` lists, as data: the README's command table is generated from the same groups. */
export function helpGroups(commands: readonly Command[]): HelpGroup[] {
  return Object.entries(GROUP_TITLES)
    .map(([group, title]) => ({
      title,
      commands: commands
        .filter((command) => command.group === group)
        .map((command) => ({ usage: usageOf(command), summary: command.summary })),
    }))
    .filter((group) => group.commands.length > 0);
}

function overview(commands: readonly Command[]) {
  const lines: string[] = [];
  for (const group of helpGroups(commands)) {
    lines.push(`*${group.title}*`);
    for (const command of group.commands) lines.push(`\`${command.usage}\` ${command.summary}`);
  }
  return reply(
    'Names with spaces go in "double" or \'single\' quotes. Companies match by their first letters; with several roles at one company, name one as "Hooli (Backend)".',
    {
      title: "Next Step commands",
      items: lines,
    },
  );
}

function details(command: Command) {
  const fields = command.args.map((arg) => ({ label: arg.name, value: arg.description }));
  const aliases = command.aliases?.length ? `\nAlso: ${command.aliases.join(", ")}` : "";
  const notes = command.notes ? `\n${command.notes}` : "";
  return reply(`${command.summary}.\nUsage: \`${usageOf(command)}\`${aliases}${notes}`, {
    title: `help ${command.name}`,
    fields,
    items: command.examples.map((example) => `\`${example}\``),
  });
}
