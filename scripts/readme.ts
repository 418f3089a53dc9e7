/** `npm run docs`: rewrites the README's generated tables (commands, jobs, environment) and `.env.example` from the code's tables. */
import { readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { ENVIRONMENT } from "../src/config.ts";
import { helpGroups } from "../src/core/commands/help.ts";
import { COMMAND_TABLE } from "../src/core/commands/table.ts";
import { JOBS } from "../src/jobs/registry.ts";

export const README_PATH = fileURLToPath(new URL("../README.md", import.meta.url));
export const ENV_EXAMPLE_PATH = fileURLToPath(new URL("../.env.example", import.meta.url));

/** `.env.example`: every variable, described and empty (an empty variable is unset, so a copy starts as is). */
export function envExample(): string {
  const header =
    "# Next Step configuration. Every variable is optional: with none set, `npm start` runs the console bot on an embedded database.";
  return `${[header, ...ENVIRONMENT.flatMap((variable) => [`# ${variable.description}`, `${variable.name}=`])].join("\n")}\n`;
}

/** Text inside a markdown table cell: a pipe would end the cell. */
function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  return [
    `| ${headers.join(" | ")} |`,
    `| ${headers.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`),
  ].join("\n");
}

/** Each generated section: what `help`, `npm run jobs -- list` and the configuration schema say, as README tables. */
export const GENERATED_SECTIONS: Record<string, () => string> = {
  commands: () =>
    table(
      ["", "command", "what it does"],
      helpGroups(COMMAND_TABLE).flatMap((group) =>
        group.commands.map((command, index) => [
          index === 0 ? `**${group.title}**` : "",
          `\`${command.usage}\``,
          command.summary,
        ]),
      ),
    ),
  jobs: () =>
    table(
      ["job", "runs (cron, UTC)", "what it does"],
      JOBS.map((job) => [job.name, `\`${job.schedule}\``, job.description]),
    ),
  environment: () =>
    table(
      ["variable", "meaning"],
      ENVIRONMENT.map((variable) => [`\`${variable.name}\``, variable.description]),
    ),
};

const startMarker = (name: string) => `<!-- generated:${name}: npm run docs rewrites this table -->`;
const endMarker = (name: string) => `<!-- /generated:${name} -->`;

/** The README with every generated section replaced by what the code's tables produce now. */
export function withGeneratedSections(readme: string): string {
  let text = readme;
  for (const [name, render] of Object.entries(GENERATED_SECTIONS)) {
    const start = text.indexOf(startMarker(name));
    const end = text.indexOf(endMarker(name));
    if (start === -1 || end < start) {
      throw new Error(`README.md needs the markers ${startMarker(name)} and ${endMarker(name)}`);
    }
    text = `${text.slice(0, start + startMarker(name).length)}\n\n${render()}\n\n${text.slice(end)}`;
  }
  return text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = [
    { path: README_PATH, render: (before: string) => withGeneratedSections(before) },
    { path: ENV_EXAMPLE_PATH, render: () => envExample() },
  ];
  for (const { path, render } of files) {
    const before = readFileSync(path, "utf8");
    const after = render(before);
    if (after !== before) writeFileSync(path, after);
    process.stdout.write(`${relative(process.cwd(), path)}: ${after === before ? "up to date" : "rewritten"}\n`);
  }
}
