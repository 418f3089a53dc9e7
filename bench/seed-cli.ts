/** `npm run bench:seed -- --members N [--database-url URL]`: migrates the database, then seeds N members' job hunts for the job-scan benchmark. */
import pg from "pg";
import { openDatabase } from "../src/db/open.ts";
import { BENCH_NOW, seedBenchmark } from "./seed.ts";

const USAGE = "usage: npm run bench:seed -- --members N [--database-url URL]   (URL default: $DATABASE_URL)";

function option(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index === -1 ? undefined : argv[index + 1];
}

async function main(argv: readonly string[]): Promise<void> {
  const members = Number(option(argv, "--members"));
  const databaseUrl = option(argv, "--database-url") ?? process.env.DATABASE_URL;
  if (!Number.isInteger(members) || members < 1) throw new Error(`--members must be a positive integer\n${USAGE}`);
  if (!databaseUrl) throw new Error(`--database-url is required when DATABASE_URL is unset\n${USAGE}`);

  const log = (message: string) => process.stderr.write(`${message}\n`);
  // openDatabase applies any pending migrations; the seed itself goes through one plain session.
  const db = await openDatabase({ databaseUrl });
  await db.close();
  const client = new pg.Client({ connectionString: databaseUrl, options: "-c TimeZone=UTC" });
  await client.connect();
  try {
    const summary = await seedBenchmark(client, { members, log });
    const rows = Object.entries(summary.rows)
      .map(([table, count]) => `${table} ${count.toLocaleString("en")}`)
      .join(", ");
    log(
      `seeded ${members.toLocaleString("en")} members in ${summary.workspaces} workspaces for ${BENCH_NOW.toISOString()}: ` +
        `inserts ${Math.round(summary.insertMs)} ms, vacuum ${Math.round(summary.vacuumMs)} ms; ${rows}`,
    );
  } finally {
    await client.end();
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : error}\n`);
    process.exit(1);
  },
);
