/** The README's generated tables and `.env.example` are what the code's tables produce: `npm run docs` rewrites them. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ENV_EXAMPLE_PATH, envExample, README_PATH, withGeneratedSections } from "../scripts/readme.ts";
import { createBot } from "../src/core/bot.ts";
import { silentLogger } from "../src/core/logger.ts";
import { JOBS } from "../src/jobs/registry.ts";
import { createMemoryStore } from "./fakes/memory-store.ts";

const readme = readFileSync(README_PATH, "utf8");
const STALE = "README.md or .env.example is out of date: run `npm run docs`";

/** The rows of the generated table `name`, as cells. */
function generatedRows(name: string): string[][] {
  const start = readme.indexOf(`<!-- generated:${name}:`);
  const section = readme.slice(start, readme.indexOf(`<!-- /generated:${name} -->`));
  return section
    .split("\n")
    .filter((line) => line.startsWith("| "))
    .slice(2)
    .map((line) =>
      line
        .slice(2, -2)
        .split(/ (?<!\\)\| /)
        .map((cell) => cell.replace(/\\\|/g, "|")),
    );
}

describe("generated documentation", () => {
  it("GIVEN the README THEN its generated tables are exactly what the command, job and variable tables produce", () => {
    expect(readme, STALE).toBe(withGeneratedSections(readme));
  });

  it("GIVEN .env.example THEN it is exactly what the variable table produces", () => {
    expect(readFileSync(ENV_EXAMPLE_PATH, "utf8"), STALE).toBe(envExample());
  });

  it("GIVEN the bot's own `help` THEN the README lists the same commands, usages and summaries, in the same order", async () => {
    const bot = createBot({ store: createMemoryStore(), clock: { now: () => new Date() }, logger: silentLogger });
    const { message } = await bot.handleText(
      { platform: "CONSOLE", externalId: "local", name: "Local team" },
      { externalId: "local-user", displayName: "Maya" },
      "help",
    );
    const listed = (message.items ?? []).filter((item) => item.startsWith("`"));

    expect(generatedRows("commands").map(([, usage, summary]) => `${usage} ${summary}`)).toEqual(listed);
  });

  it("GIVEN `npm run jobs -- list`'s table THEN the README lists every job with its schedule and description", () => {
    expect(generatedRows("jobs")).toEqual(JOBS.map((job) => [job.name, `\`${job.schedule}\``, job.description]));
  });
});
