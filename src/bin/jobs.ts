/** `npm run jobs -- list` and `npm run jobs -- run <job> [--now <ISO time>]`: one job, once, at a (possibly simulated) time, then delivery. */
import { createApp } from "../app.ts";
import { ConfigError, loadConfig } from "../config.ts";
import { findJob, JOBS } from "../jobs/registry.ts";
import { runJobOnce } from "../jobs/scheduler.ts";
import { createLogger } from "../logger.ts";
import { loadEnvFileIfPresent } from "./env-file.ts";

const USAGE = "Usage: npm run jobs -- list | run <job> [--now <ISO time>]";

async function main(argv: string[]): Promise<number> {
  const [verb, name, ...rest] = argv;
  if (verb === "list") {
    for (const job of JOBS)
      process.stdout.write(`${job.name.padEnd(22)} ${job.schedule.padEnd(14)} ${job.description}\n`);
    return 0;
  }
  if (verb !== "run" || !name) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const job = findJob(name);
  if (!job) {
    process.stderr.write(`No job "${name}". Jobs: ${JOBS.map((candidate) => candidate.name).join(", ")}\n`);
    return 2;
  }
  const nowIndex = rest.indexOf("--now");
  const now = nowIndex === -1 ? new Date() : new Date(rest[nowIndex + 1] ?? "");
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(`--now needs an ISO time like 2026-12-01T09:00:00Z\n${USAGE}\n`);
    return 2;
  }
  loadEnvFileIfPresent();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const clock = { now: () => now };
  const app = await createApp({ config, logger, clock, deliverToConsole: process.stdout });
  try {
    const created = await runJobOnce(job, app.jobStore, now, logger, {
      outboxRetentionDays: config.outboxRetentionDays,
    });
    const delivered = await app.dispatcher.dispatchDue();
    process.stdout.write(
      `${job.name} at ${now.toISOString()}: ${created} new message(s), ${delivered.sent} delivered, ${delivered.retried} to retry, ${delivered.failed} failed.\n`,
    );
    return 0;
  } finally {
    await app.shutdown();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    // Expected start-up failures (data directory in use, database unreachable) need their message, not a stack.
    process.stderr.write(`Next Step jobs could not run: ${error?.message ?? String(error)}\n`);
    process.exit(1);
  },
);
