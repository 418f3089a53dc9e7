/** `npm run bench [-- --quick] [-- --only <scenario>]`: runs every scenario, prints a markdown report, writes bench/results.json. */
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { cpus, totalmem } from "node:os";
import type { Scenario, ScenarioResult } from "./scenario.ts";
import { SCENARIOS } from "./scenarios/index.ts";

export interface BenchReport {
  date: string;
  commit: string;
  machine: { node: string; cpus: number; cpuModel: string; memoryGiB: number; platform: string };
  quick: boolean;
  /** Each scenario's figures, with when and at which commit that scenario was last measured. */
  results: (ScenarioResult & { scenario: string; date?: string; commit?: string })[];
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
      ...(result.date
        ? [`Measured ${result.date.slice(0, 16).replace("T", " ")} UTC at commit ${result.commit}.`, ""]
        : []),
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
    results.push({ scenario: scenario.name, date: new Date().toISOString(), commit: commitOf(), ...result });
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

async function previousReport(file: string): Promise<BenchReport | null> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as BenchReport;
  } catch {
    return null;
  }
}

/** The earlier report with the fresh scenarios replacing theirs, in report order. */
export function mergeInto(previous: BenchReport | null, fresh: BenchReport): BenchReport {
  if (!previous || previous.quick !== fresh.quick) return fresh;
  const byName = new Map(previous.results.map((result) => [result.scenario, result]));
  for (const result of fresh.results) byName.set(result.scenario, result);
  const order = SCENARIOS.map((scenario) => scenario.name);
  const results = [...byName.values()].sort((a, b) => order.indexOf(a.scenario) - order.indexOf(b.scenario));
  return { ...fresh, results };
}

async function main(argv: string[]): Promise<void> {
  const quick = argv.includes("--quick");
  const onlyIndex = argv.indexOf("--only");
  const only = onlyIndex === -1 ? undefined : argv[onlyIndex + 1];
  const postgresUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const fresh = await runBench({ quick, only, postgresUrl });
  process.stdout.write(`${toMarkdown(fresh)}\n`);
  // Quick runs must not overwrite the published figures; a run of one scenario replaces only that one's.
  const file = quick ? "bench/results.quick.json" : "bench/results.json";
  const report = only ? mergeInto(await previousReport(file), fresh) : fresh;
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
