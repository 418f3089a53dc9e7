/** `npm run bench [-- --quick] [-- --only <scenario>]`: runs every scenario, prints a markdown report, writes bench/results.json. */
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import type { Scenario, ScenarioResult } from "./scenario.ts";
import { SCENARIOS } from "./scenarios/index.ts";

export interface BenchReport {
  date: string;
  commit: string;
  machine: { node: string; cpus: number; cpuModel: string; memoryGiB: number; platform: string };
  quick: boolean;
  results: (ScenarioResult & { scenario: string })[];
}

function commitOf(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
}

export function toMarkdown(report: BenchReport): string {
  const lines = [
    `Measured ${report.date} on ${report.machine.cpus}× ${report.machine.cpuModel}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}, commit ${report.commit}${report.quick ? " (quick mode: tiny sizes, not comparable)" : ""}.`,
  ];
  for (const result of report.results) {
    lines.push(
      "",
      `### ${result.title}`,
      "",
      `| ${result.headers.join(" | ")} |`,
      `|${result.headers.map(() => "---").join("|")}|`,
    );
    for (const row of result.rows) lines.push(`| ${row.join(" | ")} |`);
    if (result.notes.length > 0) lines.push("", ...result.notes.map((note) => `- ${note}`));
  }
  return lines.join("\n");
}

export async function runBench(options: {
  quick: boolean;
  only?: string;
  postgresUrl?: string;
  scenarios?: readonly Scenario[];
  log?: (message: string) => void;
}): Promise<BenchReport> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const chosen = (options.scenarios ?? SCENARIOS).filter((scenario) => !options.only || scenario.name === options.only);
  const results: BenchReport["results"] = [];
  for (const scenario of chosen) {
    log(`▶ ${scenario.name}`);
    const result = await scenario.run({ quick: options.quick, postgresUrl: options.postgresUrl, log });
    results.push({ scenario: scenario.name, ...result });
  }
  return {
    date: new Date().toISOString(),
    commit: commitOf(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model.trim() ?? "unknown",
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      platform: `${process.platform}-${process.arch}`,
    },
    quick: options.quick,
    results,
  };
}

async function main(argv: string[]): Promise<void> {
  const quick = argv.includes("--quick");
  const onlyIndex = argv.indexOf("--only");
  const only = onlyIndex === -1 ? undefined : argv[onlyIndex + 1];
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const report = await runBench({ quick, only, postgresUrl });
  const markdown = toMarkdown(report);
  process.stdout.write(`${markdown}\n`);
  // Quick runs must not overwrite the published figures.
  const file = quick ? "bench/results.quick.json" : "bench/results.json";
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  process.stderr.write(`wrote ${file}\n`);
}

if (process.argv[1]?.endsWith("run.ts")) {
  main(process.argv.slice(2)).then(
    () => process.exit(0),
    (error) => {
      process.stderr.write(`${error?.stack ?? error}\n`);
      process.exit(1);
    },
  );
}
